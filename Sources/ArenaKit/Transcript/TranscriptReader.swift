import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads transcripts: a file into its records, and records into a session (``LoadedTranscript``).
///
/// A last line that is cut off (the session was killed while writing it) is left out with a
/// warning; a malformed line anywhere else is an error naming `file:line`. Unknown fields are
/// ignored and lines of unknown event types skipped, so files from newer versions load.
public enum TranscriptReader {
    /// Loads the transcript at `path` and rebuilds its session.
    public static func load(path: String) throws -> (transcript: LoadedTranscript, warnings: [TranscriptWarning]) {
        try load(data: try readFile(path), file: path)
    }

    /// Loads transcript text `data` (for example read from standard input); `file` names it in
    /// errors and warnings.
    public static func load(data: Data, file: String) throws -> (transcript: LoadedTranscript, warnings: [TranscriptWarning]) {
        let (records, readWarnings) = try records(data: data, file: file)
        let transcript = LoadedTranscript(file: file, records: records, readWarnings: readWarnings)
        return (transcript, transcript.warnings)
    }

    /// The records of the transcript at `path`, in file order.
    public static func records(path: String) throws -> (records: [TranscriptRecord], warnings: [TranscriptWarning]) {
        try records(data: try readFile(path), file: path)
    }

    /// The records of transcript text `data`; `file` names it in errors and warnings.
    public static func records(data: Data, file: String) throws -> (records: [TranscriptRecord], warnings: [TranscriptWarning]) {
        let lines = lineRanges(of: data)
        let decoded = decodeLines(lines, of: data)
        var records: [TranscriptRecord] = []
        records.reserveCapacity(lines.count)
        var warnings: [TranscriptWarning] = []
        var unknownTypes: [String] = []
        var warnedNewer = false
        var sawFirstLine = false

        for (position, line) in lines.enumerated() {
            do {
                switch try decoded[position].get() {
                case .record(let record):
                    if !sawFirstLine, record.event.typeName != TranscriptEvent.TypeName.session {
                        warnings.append(.missingHeader(file: file))
                    }
                    if record.schemaVersion > TranscriptSchema.version, !warnedNewer {
                        warnedNewer = true
                        warnings.append(.newerSchema(file: file, line: line.number, version: record.schemaVersion))
                    }
                    records.append(record)
                case .unknown(let type, _):
                    if !sawFirstLine { warnings.append(.missingHeader(file: file)) }
                    if !unknownTypes.contains(type) { unknownTypes.append(type) }
                }
                sawFirstLine = true
            } catch {
                if position == lines.count - 1 {
                    warnings.append(.truncatedLastLine(file: file, line: line.number, byteCount: line.range.count))
                    break
                }
                throw TranscriptLoadError.malformedLine(file: file, line: line.number, reason: TranscriptLineCoder.describe(error))
            }
        }
        if !unknownTypes.isEmpty {
            warnings.append(.unknownEventTypes(file: file, types: unknownTypes))
        }
        return (records, warnings)
    }

    /// Decodes every line, on all cores when there are many: each line is independent JSON.
    /// `user` and `answer` lines, nearly all of a long transcript, take a fast path.
    private static func decodeLines(_ lines: [LineRange], of data: Data) -> [Result<TranscriptLineCoder.Line, any Error>] {
        let chunkSize = 512
        let chunkCount = (lines.count + chunkSize - 1) / chunkSize
        let results = UnsafeMutableBufferPointer<Result<TranscriptLineCoder.Line, any Error>>.allocate(capacity: lines.count)
        defer { results.deallocate() }
        let output = UncheckedSendableBuffer(buffer: results)
        let decodeChunk: @Sendable (Int) -> Void = { chunk in
            let coder = TranscriptLineCoder()
            var fastDecoder = TranscriptFastLineDecoder()
            for index in chunk * chunkSize..<min(lines.count, (chunk + 1) * chunkSize) {
                let line = lines[index]
                let bytes = data[line.range]
                let result: Result<TranscriptLineCoder.Line, any Error>
                if let record = bytes.withUnsafeBytes({ fastDecoder.decode($0, lineNumber: line.number) }) {
                    result = .success(.record(record))
                } else {
                    result = Result { try coder.decodeLine(bytes, lineNumber: line.number) }
                }
                (output.buffer.baseAddress! + index).initialize(to: result)
            }
        }
        if chunkCount > 1 {
            DispatchQueue.concurrentPerform(iterations: chunkCount, execute: decodeChunk)
        } else if chunkCount == 1 {
            decodeChunk(0)
        }
        let array = Array(results)
        _ = results.deinitialize()
        return array
    }

    /// The bytes of `path`.
    static func readFile(_ path: String) throws -> Data {
        if let problem = FileKind.problemReading(path) {
            throw TranscriptLoadError.unreadable(path: path, reason: problem)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TranscriptLoadError.unreadable(path: path, reason: access(path, R_OK) != 0 ? systemErrorMessage() : error.localizedDescription)
        }
    }

    /// Lets the decoding chunks fill disjoint parts of one buffer.
    private struct UncheckedSendableBuffer<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
    }

    /// One non-blank line: its 1-based number and its bytes without the line ending.
    struct LineRange {
        var number: Int
        var range: Range<Int>
    }

    /// The non-blank lines of `data`, split at LF only (a CR before it is dropped), so that
    /// U+2028 and friends inside JSON strings never split a line.
    static func lineRanges(of data: Data) -> [LineRange] {
        var lines: [LineRange] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            let bytes = buffer.bindMemory(to: UInt8.self)
            let startIndex = data.startIndex
            var start = 0
            var number = 0
            while start < buffer.count {
                number += 1
                var end = buffer.count
                if let found = memchr(base + start, 0x0A, buffer.count - start) {
                    end = base.distance(to: UnsafeRawPointer(found))
                }
                var contentEnd = end
                if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                var isBlank = true
                for index in start..<contentEnd where bytes[index] != 0x20 && bytes[index] != 0x09 {
                    isBlank = false
                    break
                }
                if !isBlank {
                    lines.append(LineRange(number: number, range: (startIndex + start)..<(startIndex + contentEnd)))
                }
                start = end + 1
            }
        }
        return lines
    }
}
