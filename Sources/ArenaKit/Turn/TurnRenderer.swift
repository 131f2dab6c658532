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
    /// Why the model stopped, once it said (`length`: cut at the token limit).
    public var finishReason: FinishReason?
    /// The side was not asked this turn and shows the answer it already had (`/retry a|b`).
    public var isKept = false

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

/// What is shown above a turn's two columns: the names, and the question when the screen does
/// not show it already.
public struct TurnHeading: Sendable, Hashable {
    /// The label of each side: a model's display name, or "Model A"/"Model B" in a blind battle.
    public var names: SidePair<String>
    /// Whether reasoning text is shown (`/think on|off`).
    var showReasoning: Bool
    /// The turn's number in the session, when it is one of a session's turns.
    var number: Int?
    /// The question to show above the answers, raw (the renderer sanitises it); `nil` when the
    /// prompt line already shows it (a line typed at the terminal).
    var question: String?
    /// The choices of a multiple-choice question, one line each ("A. …"), shown after it.
    var choices: [String] = []
    /// What started the turn; a pipe's separator names anything but a message (`retry`, `replay`).
    var origin: TurnRequest.Origin = .message

    /// Whether the live columns render the answers' Markdown (`/markdown on|off`, `--raw`).
    var renderMarkdown: Bool

    public init(
        names: SidePair<String>, showReasoning: Bool = true, renderMarkdown: Bool = true,
        number: Int? = nil, question: String? = nil, choices: [String] = []
    ) {
        self.names = names
        self.showReasoning = showReasoning
        self.renderMarkdown = renderMarkdown
        self.number = number
        self.question = question
        self.choices = choices
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
    /// The final progress of a side not asked this turn, which keeps `answer` (if it has one)
    /// with how it ended: its status (a final one) and its finish reason.
    static func kept(_ answer: Answer?, at instant: ContinuousClock.Instant) -> AnswerProgress {
        let tokens = answer?.outputTokens ?? (count: 0, isEstimate: true)
        let status = answer.map { $0.status.isFinal ? $0.status : .incomplete } ?? .done
        var progress = AnswerProgress(status: status, startedAt: instant, endedAt: instant, outputTokens: tokens.count, tokensAreEstimated: tokens.isEstimate)
        progress.finishReason = answer?.finishReason
        progress.isKept = true
        return progress
    }

    /// Tokens per second after the first token, measured up to `now` (or the end).
    func tokensPerSecond(now: ContinuousClock.Instant) -> Double? {
        guard let first = firstTokenAt, outputTokens > 1 else { return nil }
        let seconds = ((endedAt ?? now) - first).seconds
        guard seconds > 0.05 else { return nil }
        return Double(outputTokens - 1) / seconds
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
