import Foundation

/// Every transcript of a directory, as loaded by ``TranscriptReader/loadDirectory(_:)``.
public struct TranscriptDirectoryContents: Sendable {
    /// A file that was not loaded because it is not a transcript.
    public struct SkippedFile: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    /// The transcripts that loaded, in file name order (which is start time order); each
    /// carries its own `warnings`.
    public var transcripts: [LoadedTranscript]
    /// Transcript files that could not be loaded, each error naming the file (and line).
    public var failures: [TranscriptLoadError]
    /// Files that are not transcripts: other extensions, empty files, JSON Lines of other tools.
    var skipped: [SkippedFile]
}

extension TranscriptReader {
    /// Loads every `*.jsonl` transcript directly inside `directory`, sorted by name. Files that
    /// are not transcripts are skipped; transcripts that fail to load are listed in `failures`
    /// and do not stop the others.
    public static func loadDirectory(_ directory: String) throws -> TranscriptDirectoryContents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw TranscriptLoadError.unreadable(path: directory, reason: "no such directory")
        }
        guard isDirectory.boolValue else { throw TranscriptLoadError.notADirectory(path: directory) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw TranscriptLoadError.unreadable(path: directory, reason: error.localizedDescription)
        }

        var contents = TranscriptDirectoryContents(transcripts: [], failures: [], skipped: [])
        for name in names where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var entryIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue else { continue }
            guard (name as NSString).pathExtension == TranscriptSchema.fileExtension else {
                contents.skipped.append(.init(path: path, reason: "not a .\(TranscriptSchema.fileExtension) file"))
                continue
            }
            do {
                let (records, warnings) = try records(path: path)
                if case .session = records.first?.event, !warnings.contains(.missingHeader(file: path)) {
                    contents.transcripts.append(LoadedTranscript(file: path, records: records, readWarnings: warnings))
                } else if records.isEmpty {
                    contents.skipped.append(.init(path: path, reason: "no complete event"))
                } else {
                    contents.skipped.append(.init(path: path, reason: "not an arena transcript (no session header)"))
                }
            } catch let error as TranscriptLoadError {
                if case .malformedLine(_, 1, _) = error {
                    contents.skipped.append(.init(path: path, reason: "not an arena transcript (first line is not an event)"))
                } else {
                    contents.failures.append(error)
                }
            }
        }
        return contents
    }
}
