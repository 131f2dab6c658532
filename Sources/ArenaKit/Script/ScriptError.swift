/// A line of an `.arena` script that cannot be run, with where it is.
public struct ScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the line.
    public enum Problem: Sendable, Hashable {
        /// A `"""` block is never closed; the location is its opening line.
        case unterminatedBlock
        /// A `"""` block holds nothing but blank lines.
        case emptyBlock
        /// Text follows `"""` on a block's opening line.
        case textAfterBlockOpener(String)
        /// An `/expect` line does not follow `/expect a|b|both CHECK [ARGUMENT]`.
        case malformedExpect(String)
        /// The pattern of `/expect ... matches` is not a valid regular expression.
        case badRegex(pattern: String, reason: String)
        /// The script file could not be read.
        case unreadable(String)
    }

    var location: ScriptLocation
    public var problem: Problem

    public init(_ problem: Problem, at location: ScriptLocation) {
        self.problem = problem
        self.location = location
    }

    public var description: String {
        let message: String
        switch problem {
        case .unterminatedBlock:
            message = "\"\"\" block opened here is never closed (close it with a line holding only \"\"\")"
        case .emptyBlock:
            message = "\"\"\" block is empty"
        case .textAfterBlockOpener(let text):
            message = "text after the opening \"\"\" (\(text)); a block opens with \"\"\" alone on its line"
        case .malformedExpect(let detail):
            message = "malformed /expect: \(detail); use /expect a|b|both contains|not-contains|matches|finished [TEXT]"
        case .badRegex(let pattern, let reason):
            message = "bad regular expression /\(pattern)/: \(reason)"
        case .unreadable(let reason):
            message = "cannot read script: \(reason)"
        }
        return "\(location): \(message)"
    }
}
