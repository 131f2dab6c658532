/// The footer line of an answer: what became of it and its figures, fitted to a width.
///
/// A footer never shows a cut number. When the line is wider than the space it has, whole
/// figures are dropped, the least important first: cost, then total time, then time to first
/// token, then speed, then the token count. The status and a grade note always stay; only when
/// they alone are too wide is the line shortened, at a word, and marked with "…".
extension AnswerProgress {
    /// The figures of a footer in the order they are shown; `dropRank` says which goes first
    /// when space is short (the highest first).
    private struct Figure {
        var text: String
        var dropRank: Int
    }

    /// What the footer says of how the answer stands: "done", "cut at max tokens",
    /// "stopped by content filter" (worded by ``FinishReason/stopPhrase``), "error" (the error
    /// itself is shown once, in the column), and so on. A kept answer (`/retry` of the other
    /// side) says "kept", followed by how it ended when it did not simply finish:
    /// "kept · cut at max tokens".
    public var statusPhrase: String {
        guard isKept else { return ownStatusPhrase }
        return status == .done && finishReason?.stopPhrase == nil ? "kept" : "kept · " + ownStatusPhrase
    }

    /// How the answer itself ended or stands, kept or not.
    private var ownStatusPhrase: String {
        switch status {
        case .waiting, .retrying, .streaming, .incomplete, .interrupted:
            return status.word
        case .done:
            return finishReason?.stopPhrase ?? "done"
        case .failed:
            return finishReason?.stopPhrase ?? "error"
        }
    }

    /// The ending a pipe prints after an answer that did not simply finish, or `nil`:
    /// "cut at max tokens", "stopped by content filter", "interrupted", "error: HTTP 500 …".
    /// A kept answer, which the pipe printed in its own turn, gets one only when it did not
    /// simply finish, in its footer's words ("kept · cut at max tokens").
    var ending: String? {
        if isKept { return statusPhrase == "kept" ? nil : statusPhrase }
        switch status {
        case .waiting, .streaming, .retrying: return nil
        case .done: return finishReason?.stopPhrase
        case .incomplete: return "incomplete: the stream ended before the answer was complete"
        case .interrupted: return "interrupted"
        case .failed(let message): return finishReason?.stopPhrase ?? "error: \(message)"
        }
    }

    /// The one-line summary shown under a column: status, a grade note, time to first token,
    /// speed, tokens, total time and cost, in at most `width` cells (see the type's
    /// documentation for what is dropped first).
    public func summary(now: ContinuousClock.Instant, width: Int = .max) -> String {
        var lead: [String]
        switch status {
        case .waiting:
            lead = ["waiting \(Self.format(seconds: (now - startedAt).seconds))"]
        case .retrying(let attempt, _):
            let left = retryAt.map { max(0, Int((($0 - now).seconds).rounded(.up))) } ?? 0
            lead = ["retrying in \(left)s (attempt \(attempt + 1))"]
        default:
            lead = [statusPhrase]
        }
        if let note { lead.append(TextSanitizer.sanitizeLine(note)) }
        var figures = self.figures(now: now)
        func line() -> String { (lead + figures.map(\.text)).joined(separator: " · ") }
        while DisplayWidth.of(line()) > width, let drop = figures.indices.max(by: { figures[$0].dropRank < figures[$1].dropRank }) {
            figures.remove(at: drop)
        }
        return WordWrap.shortened(line(), toCells: width)
    }

    private func figures(now: ContinuousClock.Instant) -> [Figure] {
        var figures: [Figure] = []
        if let first = firstTokenAt {
            figures.append(Figure(text: "TTFT \(Self.format(seconds: (first - startedAt).seconds))", dropRank: 3))
        }
        if let rate = tokensPerSecond(now: now) {
            figures.append(Figure(text: String(format: "%.1f tok/s", rate), dropRank: 2))
        }
        if outputTokens > 0 {
            figures.append(Figure(text: "\(tokensAreEstimated ? "~" : "")\(outputTokens) tok", dropRank: 1))
        }
        if let end = endedAt, status.isFinal, !isKept {
            figures.append(Figure(text: "\(Self.format(seconds: (end - startedAt).seconds)) total", dropRank: 4))
        }
        if let cost {
            figures.append(Figure(text: String(format: "$%.4f", cost), dropRank: 5))
        }
        return figures
    }
}
