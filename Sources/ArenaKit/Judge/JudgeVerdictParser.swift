import Foundation

/// Reads a judge's reply: the last `[[A]]`, `[[B]]` or `[[C]]` for a comparison, the last
/// `[[N]]` (as in `Rating: [[7]]`) for a grade. A reply without one is an error, never a guess.
enum JudgeVerdictParser {
    /// Which answer the judge preferred, in the order it was shown them.
    enum Choice: Sendable, Hashable {
        /// The answer shown as Assistant A.
        case first
        /// The answer shown as Assistant B.
        case second
        case tie
    }

    /// The verdict of a pairwise reply: its last marker.
    static func choice(in reply: String) -> Choice? {
        var found: (position: String.Index, choice: Choice)?
        for (marker, choice) in [("[[A]]", Choice.first), ("[[B]]", .second), ("[[C]]", .tie)] {
            if let range = reply.range(of: marker, options: .backwards), found == nil || range.lowerBound > found!.position {
                found = (range.lowerBound, choice)
            }
        }
        return found?.choice
    }

    /// The rating of a single-answer reply: its last `[[N]]` holding a number from 1 to 10.
    static func rating(in reply: String) -> Double? {
        var rest = Substring(reply)
        var last: Double?
        while let open = rest.range(of: "[[") {
            let inside = rest[open.upperBound...]
            guard let close = inside.range(of: "]]") else { break }
            let text = inside[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = Double(text), value.isFinite, (1...10).contains(value), text.allSatisfy({ $0.isNumber || $0 == "." }) {
                last = value
            }
            rest = inside[close.upperBound...]
        }
        return last
    }

    /// The explanation before the verdict, on one line and at most `limit` characters, for
    /// showing under the turn (sanitised by the caller).
    static func reason(in reply: String, limit: Int = 160) -> String {
        var text = reply
        for marker in ["[[A]]", "[[B]]", "[[C]]"] { text = text.replacingOccurrences(of: marker, with: "") }
        if let range = text.range(of: "Rating:", options: .backwards) { text = String(text[..<range.lowerBound]) }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var line = words.joined(separator: " ")
        while line.hasSuffix("[[") || line.hasSuffix("[") { line.removeLast() }
        if line.count > limit { line = String(line.prefix(limit - 1)) + "…" }
        return line
    }
}
