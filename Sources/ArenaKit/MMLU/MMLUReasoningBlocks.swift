import Foundation

/// Separates a reasoning model's scratchpad from its answer. Reasoning is written between
/// `<think>` and `</think>` (or `<thinking>`, `<reasoning>`); what it says is not an answer.
enum MMLUReasoningBlocks {
    private static let names = ["think", "thinking", "reasoning"]

    /// The part of `response` a reader grades: the text after the last closing tag (a server
    /// may have dropped the opening one), cut where a block opens and never closes. Nil when
    /// nothing but reasoning is left.
    static func visibleAnswer(of response: String) -> String? {
        var text = Substring(response)
        let closings = names.compactMap { text.range(of: "</\($0)>", options: [.caseInsensitive, .backwards]) }
        if let last = closings.max(by: { $0.upperBound < $1.upperBound }) {
            text = text[last.upperBound...]
        }
        let openings = names.compactMap { text.range(of: "<\($0)>", options: .caseInsensitive) }
        if let first = openings.min(by: { $0.lowerBound < $1.lowerBound }) {
            text = text[..<first.lowerBound]
        }
        guard text.contains(where: { !$0.isWhitespace }) else { return nil }
        return String(text)
    }
}
