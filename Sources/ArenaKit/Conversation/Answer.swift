/// Token counts for one answer, as reported by the provider or estimated by arena.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// True when the counts are arena's estimate rather than the provider's report.
    var isEstimate: Bool

    public init(inputTokens: Int? = nil, outputTokens: Int? = nil, isEstimate: Bool = false) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.isEstimate = isEstimate
    }
}

/// Why a model stopped writing, as the provider said it.
public enum FinishReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The model finished its answer.
    case stop
    /// The answer hit the token limit.
    case length
    /// The provider's content filter stopped the answer.
    case contentFilter
    /// The model asked to call a tool.
    case toolCalls
    /// Any other reason the provider gave, verbatim.
    case other(String)

    /// Maps a provider's finish or stop reason string onto a case.
    public init(providerValue: String) {
        switch providerValue {
        case "stop", "end_turn", "stop_sequence", "STOP": self = .stop
        case "length", "max_tokens", "MAX_TOKENS": self = .length
        case "content_filter", "SAFETY", "refusal": self = .contentFilter
        case "tool_calls", "tool_use", "function_call": self = .toolCalls
        default: self = .other(providerValue)
        }
    }

    /// How arena words a stop that is not simply the end of the answer, the one wording used
    /// by footers, pipes and `arena show`: "cut at max tokens" (`length`), "stopped by content
    /// filter"; `nil` for any other reason.
    public var stopPhrase: String? {
        switch self {
        case .length: return "cut at max tokens"
        case .contentFilter: return "stopped by content filter"
        case .stop, .toolCalls, .other: return nil
        }
    }

    public var description: String {
        switch self {
        case .stop: return "stop"
        case .length: return "length"
        case .contentFilter: return "content_filter"
        case .toolCalls: return "tool_calls"
        case .other(let value): return value
        }
    }
}

/// Where an answer stands: the status shown in its column's header and stored in the transcript.
public enum AnswerStatus: Sendable, Hashable {
    /// Sent, nothing received yet.
    case waiting
    /// The provider asked arena to wait before retrying; `secondsLeft` counts down.
    case retrying(attempt: Int, secondsLeft: Int)
    /// Text is arriving.
    case streaming
    /// The model finished normally.
    case done
    /// The stream ended without its terminator: the text so far is kept.
    case incomplete
    /// The person pressed Ctrl-C: the text so far is kept.
    case interrupted
    /// The request failed; `message` is one line naming what went wrong.
    case failed(message: String)

    /// True once nothing more will arrive for this answer.
    var isFinal: Bool {
        switch self {
        case .waiting, .retrying, .streaming: return false
        case .done, .incomplete, .interrupted, .failed: return true
        }
    }

    /// The word shown in a column header.
    var word: String {
        switch self {
        case .waiting: return "waiting"
        case .retrying: return "retrying"
        case .streaming: return "streaming"
        case .done: return "done"
        case .incomplete: return "incomplete"
        case .interrupted: return "interrupted"
        case .failed: return "error"
        }
    }
}

/// One side's answer to one turn: its text and everything measured about it.
public struct Answer: Sendable, Hashable {
    public var text: String
    var reasoning: String
    public var status: AnswerStatus
    public var finishReason: FinishReason?
    public var usage: TokenUsage?
    /// Seconds from sending the request to the first text (or reasoning) arriving.
    public var timeToFirstToken: Double?
    /// Seconds from sending the request to the answer ending.
    public var duration: Double?
    /// The model name the server reported, when it differs from what was asked for.
    var reportedModel: String?

    public init(
        text: String = "",
        reasoning: String = "",
        status: AnswerStatus = .waiting,
        finishReason: FinishReason? = nil,
        usage: TokenUsage? = nil,
        timeToFirstToken: Double? = nil,
        duration: Double? = nil,
        reportedModel: String? = nil
    ) {
        self.text = text
        self.reasoning = reasoning
        self.status = status
        self.finishReason = finishReason
        self.usage = usage
        self.timeToFirstToken = timeToFirstToken
        self.duration = duration
        self.reportedModel = reportedModel
    }

    /// Output tokens as the provider reported them, or a rough estimate (about 4 characters a
    /// token) marked as such.
    public var outputTokens: (count: Int, isEstimate: Bool) {
        if let reported = usage?.outputTokens, usage?.isEstimate != true { return (reported, false) }
        return (Answer.estimatedTokens(scalars: text.unicodeScalars.count + reasoning.unicodeScalars.count), true)
    }

    /// arena's token estimate for text of this many Unicode scalars: about four a token.
    public static func estimatedTokens(scalars: Int) -> Int {
        scalars == 0 ? 0 : max(1, (scalars + 3) / 4)
    }

    /// Output tokens per second of streaming (after the first token), when it can be told.
    var tokensPerSecond: Double? {
        guard let duration, let ttft = timeToFirstToken else { return nil }
        let streamingSeconds = duration - ttft
        let tokens = outputTokens.count
        guard streamingSeconds > 0.001, tokens > 1 else { return nil }
        return Double(tokens - 1) / streamingSeconds
    }
}
