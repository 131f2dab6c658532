/// Why a transcript could not be loaded. Each case names the file, and the line when there is one.
public enum TranscriptLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// A line before the last one is not a valid event.
    case malformedLine(file: String, line: Int, reason: String)
    /// The path given as a directory of transcripts is not one.
    case notADirectory(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .malformedLine(let file, let line, let reason):
            return "\(file):\(line): malformed transcript line: \(reason)"
        case .notADirectory(let path):
            return "\(path): not a directory"
        }
    }
}

/// Something odd in a transcript that did not stop it from loading.
public enum TranscriptWarning: Sendable, Hashable, CustomStringConvertible {
    /// The last line was cut off (the session was killed while writing it) and was left out.
    case truncatedLastLine(file: String, line: Int, byteCount: Int)
    /// Lines of event types this version does not know were skipped.
    case unknownEventTypes(file: String, types: [String])
    /// Lines were written by a newer schema version; what this version knows of them was read.
    case newerSchema(file: String, line: Int, version: Int)
    /// The file does not start with a session header.
    case missingHeader(file: String)
    /// No model was recorded for a side; a placeholder stands in for it.
    case missingModel(file: String, side: Side)
    /// A turn was asked but one side's answer was never recorded (the session ended first).
    case unansweredTurn(file: String, turn: Int, side: Side)
    /// An answer names a turn that was never asked; it was left out.
    case answerWithoutTurn(file: String, line: Int, turn: Int)

    public var description: String {
        switch self {
        case .truncatedLastLine(let file, let line, let byteCount):
            return "\(file):\(line): last line is cut off (\(byteCount) bytes); everything before it was loaded"
        case .unknownEventTypes(let file, let types):
            return "\(file): skipped events of unknown type \(types.joined(separator: ", ")) (written by a newer arena?)"
        case .newerSchema(let file, let line, let version):
            return "\(file):\(line): written with transcript schema v\(version), newer than v\(TranscriptSchema.version); unknown fields were ignored"
        case .missingHeader(let file):
            return "\(file): no session header on the first line"
        case .missingModel(let file, let side):
            return "\(file): no model recorded for side \(side.label)"
        case .unansweredTurn(let file, let turn, let side):
            return "\(file): turn \(turn) has no recorded answer from side \(side.label)"
        case .answerWithoutTurn(let file, let line, let turn):
            return "\(file):\(line): answer for turn \(turn), which was never asked; ignored"
        }
    }
}

/// Why a transcript could not be written.
public enum TranscriptWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// Writing or syncing failed (disk full, I/O error).
    case cannotWrite(path: String, reason: String)
    /// The event could not be turned into JSON.
    case cannotEncode(path: String, eventType: String, reason: String)
    /// The writer was already closed.
    case closed(path: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create transcript directory \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot create transcript \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write transcript \(path): \(reason)"
        case .cannotEncode(let path, let eventType, let reason):
            return "cannot record a \(eventType) event in \(path): \(reason)"
        case .closed(let path):
            return "transcript \(path) is already closed"
        }
    }
}
