import Foundation

/// An assertion of a script, `/expect a|b|both CHECK [ARGUMENT]`, about the last turn's answers.
public struct ScriptExpectation: Sendable, Hashable, CustomStringConvertible {
    /// What is checked of each selected side's answer text.
    public enum Check: Sendable, Hashable {
        /// The answer text contains this text (case-sensitive, exact).
        case contains(String)
        /// The answer text does not contain this text.
        case notContains(String)
        /// The answer text has a match for this regular expression (NSRegularExpression syntax).
        case matches(String)
        /// The answer ended normally: no error, not interrupted or incomplete, not cut off by
        /// the token limit or a content filter.
        case finished
    }

    public var sides: SideSelection
    public var check: Check

    public init(sides: SideSelection, check: Check) {
        self.sides = sides
        self.check = check
    }

    /// Parses the words after `/expect`, e.g. `both contains Paris`. The text of `contains` and
    /// `not-contains` may be wrapped in double quotes to keep spaces at its ends.
    public init(parsing arguments: String) throws(ExpectationSyntaxError) {
        var rest = Substring(arguments).drop(while: \.isWhitespace)
        func word() -> String {
            let word = rest.prefix(while: { !$0.isWhitespace })
            rest = rest.dropFirst(word.count).drop(while: \.isWhitespace)
            return word.lowercased()
        }
        let sideWord = word()
        switch sideWord {
        case "a": sides = .only(.a)
        case "b": sides = .only(.b)
        case "both": sides = .both
        case "": throw .init("missing side a, b or both")
        default: throw .init("'\(sideWord)' is not a side (a, b or both)")
        }
        let checkWord = word()
        let argument = String(rest).trimmingCharacters(in: .whitespaces)
        switch checkWord {
        case "contains", "not-contains":
            let text = Self.unquoted(argument)
            guard !text.isEmpty else { throw .init("\(checkWord) needs the text to look for") }
            check = checkWord == "contains" ? .contains(text) : .notContains(text)
        case "matches":
            guard !argument.isEmpty else { throw .init("matches needs a regular expression") }
            do {
                _ = try NSRegularExpression(pattern: argument)
            } catch {
                throw ExpectationSyntaxError(badRegex: argument, reason: Self.regexProblem(error))
            }
            check = .matches(argument)
        case "finished":
            guard argument.isEmpty else { throw .init("finished takes no argument, found '\(argument)'") }
            check = .finished
        case "": throw .init("missing check after '\(sideWord)'")
        default: throw .init("'\(checkWord)' is not a check (contains, not-contains, matches, finished)")
        }
    }

    /// The line that states this expectation.
    public var description: String {
        let side: String
        switch sides {
        case .both: side = "both"
        case .only(let only): side = only.rawValue
        }
        switch check {
        case .contains(let text): return "/expect \(side) contains \(Self.quotedIfNeeded(text))"
        case .notContains(let text): return "/expect \(side) not-contains \(Self.quotedIfNeeded(text))"
        case .matches(let pattern): return "/expect \(side) matches \(pattern)"
        case .finished: return "/expect \(side) finished"
        }
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast())
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.first?.isWhitespace == true || text.last?.isWhitespace == true
            || (text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2)
        return needsQuotes ? "\"\(text)\"" : text
    }

    /// Why a pattern does not compile. NSRegularExpression's errors carry only the pattern
    /// back, so the reason is general.
    static func regexProblem(_ error: any Error) -> String {
        "it does not compile (NSRegularExpression / ICU syntax)"
    }
}

/// Why the words after `/expect` are not an expectation.
public struct ExpectationSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    var detail: String
    /// Set when the problem is a regular expression that does not compile.
    var badRegex: (pattern: String, reason: String)? {
        guard let pattern, let reason = regexReason else { return nil }
        return (pattern, reason)
    }

    private var pattern: String?
    private var regexReason: String?

    init(_ detail: String) {
        self.detail = detail
    }

    init(badRegex pattern: String, reason: String) {
        self.detail = "bad regular expression /\(pattern)/: \(reason)"
        self.pattern = pattern
        self.regexReason = reason
    }

    public var description: String { detail }
}
