import Foundation

/// The outcome of checking an expectation.
public enum ExpectationResult: Sendable, Hashable {
    case pass
    /// The reason, one line naming the side, its model and what was found instead.
    case fail(String)

    var passed: Bool { self == .pass }
}

extension ScriptExpectation {
    /// Checks the last turn's answers, `nil` when nothing has been asked yet. `models` names
    /// each side's model in failure reasons.
    func evaluate(_ answers: SidePair<Answer>?, models: SidePair<String>? = nil) -> ExpectationResult {
        guard let answers else {
            return .fail("no answer to check: nothing has been asked yet")
        }
        var failures: [String] = []
        for side in sides.sides {
            let who = "side \(side.label)" + (models.map { " (\($0[side]))" } ?? "")
            if let reason = failure(of: answers[side], who: who) {
                failures.append(reason)
            }
        }
        return failures.isEmpty ? .pass : .fail(failures.joined(separator: "; "))
    }

    private func failure(of answer: Answer, who: String) -> String? {
        if case .failed(let message) = answer.status {
            return "\(who) failed: \(message)"
        }
        switch check {
        case .contains(let text):
            return answer.text.contains(text) ? nil : "\(who) does not contain \(Self.show(text)); its answer \(Self.excerpt(answer.text))"
        case .notContains(let text):
            return answer.text.contains(text) ? "\(who) contains \(Self.show(text)): \(Self.context(of: text, in: answer.text))" : nil
        case .matches(let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return "bad regular expression /\(pattern)/"
            }
            switch BoundedRegexMatch.search(regex, in: answer.text) {
            case .matched: return nil
            case .notMatched: return "\(who) does not match /\(pattern)/; its answer \(Self.excerpt(answer.text))"
            case .tookTooLong(let seconds):
                return "/\(pattern)/ took longer than \(Int(seconds)) s to search \(who)'s answer (it backtracks too much); simplify the pattern"
            }
        case .finished:
            switch answer.status {
            case .done:
                switch answer.finishReason {
                case .length: return "\(who) was cut off at the token limit"
                case .contentFilter: return "\(who) was stopped by the content filter"
                default: return nil
                }
            case .incomplete: return "\(who) is incomplete: the stream ended early"
            case .interrupted: return "\(who) was interrupted"
            case .waiting, .retrying, .streaming: return "\(who) has not finished (\(answer.status.word))"
            case .failed(let message): return "\(who) failed: \(message)"
            }
        }
    }

    private static func show(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// `begins "..."` with the answer's first 60 characters on one line, or `is empty`.
    private static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard !flat.isEmpty else { return "is empty" }
        return flat.count <= 60 ? "is \"\(flat)\"" : "begins \"\(flat.prefix(60))…\""
    }

    /// The found text with up to 20 characters either side, on one line.
    private static func context(of needle: String, in text: String) -> String {
        guard let range = text.range(of: needle) else { return "" }
        let start = text.index(range.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 20, limitedBy: text.endIndex) ?? text.endIndex
        let snippet = text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (start > text.startIndex ? "…" : "") + snippet + (end < text.endIndex ? "…" : "") + "\""
    }
}
