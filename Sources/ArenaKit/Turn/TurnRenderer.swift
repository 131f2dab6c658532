import Foundation

/// How one side's answer is getting on, as a renderer needs it to draw a header or footer.
public struct AnswerProgress: Sendable, Hashable {
    public var status: AnswerStatus
    public var startedAt: ContinuousClock.Instant
    var firstTokenAt: ContinuousClock.Instant?
    var endedAt: ContinuousClock.Instant?
    /// Output tokens so far, and whether that is an estimate.
    public var outputTokens: Int
    var tokensAreEstimated: Bool
    /// Cost of the answer in US dollars, when the model has prices configured.
    public var cost: Double?
    /// When a retry is pending, the moment it will be sent.
    var retryAt: ContinuousClock.Instant?
    /// A verdict on the finished answer shown first in its footer, such as an MMLU grade.
    public var note: String?

    public init(
        status: AnswerStatus = .waiting,
        startedAt: ContinuousClock.Instant,
        firstTokenAt: ContinuousClock.Instant? = nil,
        endedAt: ContinuousClock.Instant? = nil,
        outputTokens: Int = 0,
        tokensAreEstimated: Bool = true,
        cost: Double? = nil,
        retryAt: ContinuousClock.Instant? = nil
    ) {
        self.status = status
        self.startedAt = startedAt
        self.firstTokenAt = firstTokenAt
        self.endedAt = endedAt
        self.outputTokens = outputTokens
        self.tokensAreEstimated = tokensAreEstimated
        self.cost = cost
        self.retryAt = retryAt
    }
}

/// The names shown above a turn's two columns.
public struct TurnHeading: Sendable, Hashable {
    /// The label of each side: a model's display name, or "Model A"/"Model B" in a blind battle.
    public var names: SidePair<String>
    /// Whether reasoning text is shown (`/think on|off`).
    var showReasoning: Bool
    /// Whether the live columns render the answers' Markdown (`/markdown on|off`, `--raw`).
    var renderMarkdown: Bool

    public init(names: SidePair<String>, showReasoning: Bool = true, renderMarkdown: Bool = true) {
        self.names = names
        self.showReasoning = showReasoning
        self.renderMarkdown = renderMarkdown
    }
}

/// Shows a turn's two answers while they stream: live columns on a terminal, labelled lines
/// in a pipe. The seam between the streaming machinery and the screen.
///
/// `append` and `update` are called from the two sides' streaming tasks concurrently and must
/// return quickly; `endTurn` is called once both sides are final and returns when everything
/// has been written out.
public protocol TurnRenderer: AnyObject, Sendable {
    func beginTurn(_ heading: TurnHeading)
    /// More text for a side, raw from the model (the renderer sanitizes it), with the side's
    /// progress after it.
    func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress)
    /// A side's status or numbers changed.
    func update(_ progress: AnswerProgress, side: Side)
    /// Both answers are final; draw what remains and return when it is out.
    func endTurn(_ answers: SidePair<Answer>)
}

extension AnswerProgress {
    /// Tokens per second after the first token, measured up to `now` (or the end).
    func tokensPerSecond(now: ContinuousClock.Instant) -> Double? {
        guard let first = firstTokenAt, outputTokens > 1 else { return nil }
        let seconds = ((endedAt ?? now) - first).seconds
        guard seconds > 0.05 else { return nil }
        return Double(outputTokens - 1) / seconds
    }

    /// The one-line summary shown under a column: status, time to first token, speed, tokens
    /// and cost.
    public func summary(now: ContinuousClock.Instant) -> String {
        var parts: [String] = []
        switch status {
        case .waiting:
            parts.append("waiting \(Self.format(seconds: (now - startedAt).seconds))")
        case .retrying(let attempt, _):
            let left = retryAt.map { max(0, Int((($0 - now).seconds).rounded(.up))) } ?? 0
            parts.append("retrying in \(left)s (attempt \(attempt + 1))")
        case .failed(let message):
            parts.append("error: \(message)")
        default:
            parts.append(status.word)
        }
        if let note { parts.append(note) }
        if let first = firstTokenAt {
            parts.append("TTFT \(Self.format(seconds: (first - startedAt).seconds))")
        }
        if let rate = tokensPerSecond(now: now) {
            parts.append(String(format: "%.1f tok/s", rate))
        }
        if outputTokens > 0 {
            parts.append("\(tokensAreEstimated ? "~" : "")\(outputTokens) tok")
        }
        if let end = endedAt, status.isFinal {
            parts.append("\(Self.format(seconds: (end - startedAt).seconds)) total")
        }
        if let cost {
            parts.append(String(format: "$%.4f", cost))
        }
        return parts.joined(separator: " · ")
    }

    static func format(seconds: Double) -> String {
        seconds < 10 ? String(format: "%.2fs", seconds) : String(format: "%.1fs", seconds)
    }
}

extension Duration {
    /// This duration in seconds, as a Double.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
