import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where transcripts live and what their files are called.
public enum TranscriptDirectory {
    /// `$XDG_DATA_HOME/arena/transcripts`, or `~/.local/share/arena/transcripts` when
    /// `XDG_DATA_HOME` is unset or not absolute (as the XDG spec says).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return (dataHome as NSString).appendingPathComponent("arena/transcripts")
    }

    /// A file name that sorts by time and is unique in practice:
    /// `2026-11-25T15-31-59Z-3fa9.jsonl` (UTC; `suffix` is four random hex digits by default).
    public static func fileName(startedAt date: Date, suffix: String = randomSuffix()) -> String {
        let stamp = TranscriptTimestamp.string(from: date)  // 2026-11-25T15:31:59.123Z
        let seconds = stamp.prefix(19).replacingOccurrences(of: ":", with: "-")
        return "\(seconds)Z-\(suffix).\(TranscriptSchema.fileExtension)"
    }

    /// Four random lowercase hex digits.
    public static func randomSuffix() -> String {
        let value = UInt16.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Creates `path` and any missing parents with permissions 0700; existing directories are
    /// left as they are.
    public static func createIfNeeded(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TranscriptWriteError.cannotCreateDirectory(path: path, reason: "a file of that name exists")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path {
            try createIfNeeded(parent)
        }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw TranscriptWriteError.cannotCreateDirectory(path: path, reason: systemErrorMessage())
        }
    }
}

/// The message for the current `errno`.
func systemErrorMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
