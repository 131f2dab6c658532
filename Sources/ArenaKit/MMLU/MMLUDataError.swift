/// What can go wrong while finding or reading MMLU data. Each case names the file and, for
/// problems inside a file, the one-based line where the offending record or field starts.
package enum MMLUDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quoted field was still open at the end of the file.
    case unterminatedQuote(file: String, line: Int)
    /// A closing quote was followed by something other than a comma or a line break.
    case unexpectedCharacterAfterQuote(file: String, line: Int)
    /// A record did not have the expected number of fields.
    case wrongFieldCount(file: String, line: Int, found: Int, expected: Int)
    /// The answer field was not one of the letters A, B, C, D.
    case invalidAnswer(file: String, line: Int, found: String)
    /// A field was not valid UTF-8.
    case invalidUTF8(file: String, line: Int)
    /// A file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// A data directory has split folders but no `<subject>_<split>.csv` file in them.
    case noQuestionFiles(directory: String)
    /// A directory named by the user (`--mmlu` or `ARENA_MMLU_DIR`) holds no MMLU data.
    case noData(directory: String, origin: String)

    public var description: String {
        switch self {
        case .unterminatedQuote(let file, let line):
            return "\(file):\(line): quoted field is never closed"
        case .unexpectedCharacterAfterQuote(let file, let line):
            return "\(file):\(line): closing quote must be followed by a comma or a line break"
        case .wrongFieldCount(let file, let line, let found, let expected):
            return "\(file):\(line): record has \(found) field\(found == 1 ? "" : "s"), expected \(expected)"
        case .invalidAnswer(let file, let line, let found):
            return "\(file):\(line): answer must be A, B, C or D, found \(found.debugDescription)"
        case .invalidUTF8(let file, let line):
            return "\(file):\(line): field is not valid UTF-8"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .noQuestionFiles(let directory):
            return "\(directory): no <subject>_<split>.csv files in dev/, val/ or test/"
        case .noData(let directory, let origin):
            return "\(directory) (from \(origin)): no MMLU data here; expected data/{dev,val,test}/<subject>_<split>.csv or {dev,val,test}/ directly"
        }
    }
}
