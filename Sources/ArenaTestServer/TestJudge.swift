/// How a judge model served by the test server replies: it reads the MT-Bench markers in the
/// prompt (`[The Start of Assistant A's Answer]`…) to find the answers, as a real judge would.
public enum TestJudge: Sendable, Hashable {
    /// Always prefers the answer shown first (`[[A]]`), whatever it says: pure position bias.
    case prefersFirstPosition
    /// Prefers the answer containing `word`, wherever it is shown; a tie when both or neither
    /// do. Graded alone: 9 with the word, 3 without.
    case prefersAnswerContaining(String)
    /// Explains at length but never gives a verdict marker.
    case noVerdict

    /// The judge's reply to a request whose body (JSON, as received) is `body`.
    func reply(toRequestBody body: String) -> String {
        switch self {
        case .prefersFirstPosition:
            return "Assistant A's answer comes first, which I like. [[A]]"
        case .noVerdict:
            return "Both answers have merits and I cannot choose between them."
        case .prefersAnswerContaining(let word):
            if let answer = Self.section(body, "[The Start of Assistant's Answer]", "[The End of Assistant's Answer]") {
                return answer.contains(word) ? "It mentions \(word). Rating: [[9]]" : "It lacks \(word). Rating: [[3]]"
            }
            let first = Self.section(body, "[The Start of Assistant A's Answer]", "[The End of Assistant A's Answer]")?.contains(word) ?? false
            let second = Self.section(body, "[The Start of Assistant B's Answer]", "[The End of Assistant B's Answer]")?.contains(word) ?? false
            if first == second { return "Both are alike. [[C]]" }
            return first ? "Only Assistant A mentions \(word). [[A]]" : "Only Assistant B mentions \(word). [[B]]"
        }
    }

    /// The text between `start` and `end` in `body`.
    private static func section(_ body: String, _ start: String, _ end: String) -> Substring? {
        guard let open = body.range(of: start), let close = body.range(of: end, range: open.upperBound..<body.endIndex) else { return nil }
        return body[open.upperBound..<close.lowerBound]
    }
}
