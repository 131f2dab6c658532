extension TranscriptEvent {
    /// A prompt asked of both sides. Turn numbers count from 1 for the whole session and are
    /// never reused, not even after `/clear`.
    public struct UserTurn: Sendable, Hashable, Codable {
        public var turn: Int
        public var prompt: String
        /// The MMLU question the prompt was made from, when it was.
        public var mmlu: MMLUReference?

        public init(turn: Int, prompt: String, mmlu: MMLUReference? = nil) {
            self.turn = turn
            self.prompt = prompt
            self.mmlu = mmlu
        }
    }

    /// Which MMLU question a turn asked.
    public struct MMLUReference: Sendable, Hashable, Codable {
        /// The subject, as in the file name (`"high_school_physics"`).
        public var subject: String
        /// `"dev"`, `"val"`, `"test"`, or `"builtin"` for arena's own set.
        public var split: String?
        /// The 0-based row of the question in its file.
        public var index: Int?
        /// The correct letter, A to D, when the recorder chose to keep it with the question.
        public var answer: String?

        public init(subject: String, split: String? = nil, index: Int? = nil, answer: String? = nil) {
            self.subject = subject
            self.split = split
            self.index = index
            self.answer = answer
        }
    }

    /// What an answer cost, when the model has prices configured.
    public struct Cost: Sendable, Hashable, Codable {
        var amount: Double
        /// ISO 4217 code; `"USD"` unless prices were configured in another currency.
        var currency: String

        public init(amount: Double, currency: String = "USD") {
            self.amount = amount
            self.currency = currency
        }
    }

    /// One side's answer to one turn, with everything measured about it.
    ///
    /// A later record for the same turn and side replaces an earlier one (`/retry`, `/adopt`).
    public struct AnswerRecord: Sendable, Hashable {
        public var turn: Int
        public var side: Side
        /// The name of the model that answered.
        public var model: String?
        /// The answer itself. Statuses that are not final are recorded as `incomplete`.
        public var answer: Answer
        public var cost: Cost?
        /// Set when `/adopt` copied the other side's answer into this side's history.
        var adoptedFrom: Side?

        public init(turn: Int, side: Side, model: String? = nil, answer: Answer, cost: Cost? = nil, adoptedFrom: Side? = nil) {
            self.turn = turn
            self.side = side
            self.model = model
            self.answer = answer
            self.cost = cost
            self.adoptedFrom = adoptedFrom
        }
    }
}

extension TranscriptEvent.AnswerRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case turn, side, model, text, reasoning, status, error
        case finishReason = "finish_reason"
        case usage
        case timeToFirstToken = "ttft_s"
        case duration = "duration_s"
        case reportedModel = "reported_model"
        case cost
        case adoptedFrom = "adopted_from"
    }

    enum UsageKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case estimate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        turn = try container.decode(Int.self, forKey: .turn)
        side = try container.decode(Side.self, forKey: .side)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        cost = try container.decodeIfPresent(TranscriptEvent.Cost.self, forKey: .cost)
        adoptedFrom = try container.decodeIfPresent(Side.self, forKey: .adoptedFrom)

        let statusWord = try container.decodeIfPresent(String.self, forKey: .status) ?? "done"
        let errorMessage = try container.decodeIfPresent(String.self, forKey: .error)
        var usage: TokenUsage?
        if container.contains(.usage) {
            let usageContainer = try container.nestedContainer(keyedBy: UsageKeys.self, forKey: .usage)
            usage = TokenUsage(
                inputTokens: try usageContainer.decodeIfPresent(Int.self, forKey: .inputTokens),
                outputTokens: try usageContainer.decodeIfPresent(Int.self, forKey: .outputTokens),
                isEstimate: try usageContainer.decodeIfPresent(Bool.self, forKey: .estimate) ?? false
            )
        }
        answer = Answer(
            text: try container.decodeIfPresent(String.self, forKey: .text) ?? "",
            reasoning: try container.decodeIfPresent(String.self, forKey: .reasoning) ?? "",
            status: Self.status(word: statusWord, error: errorMessage),
            finishReason: try container.decodeIfPresent(String.self, forKey: .finishReason).map(FinishReason.init(providerValue:)),
            usage: usage,
            timeToFirstToken: try container.decodeIfPresent(Double.self, forKey: .timeToFirstToken),
            duration: try container.decodeIfPresent(Double.self, forKey: .duration),
            reportedModel: try container.decodeIfPresent(String.self, forKey: .reportedModel)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(turn, forKey: .turn)
        try container.encode(side, forKey: .side)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encode(answer.text, forKey: .text)
        if !answer.reasoning.isEmpty {
            try container.encode(answer.reasoning, forKey: .reasoning)
        }
        try container.encode(Self.word(for: answer.status), forKey: .status)
        if case .failed(let message) = answer.status {
            try container.encode(message, forKey: .error)
        }
        try container.encodeIfPresent(answer.finishReason?.description, forKey: .finishReason)
        if let usage = answer.usage {
            var usageContainer = container.nestedContainer(keyedBy: UsageKeys.self, forKey: .usage)
            try usageContainer.encodeIfPresent(usage.inputTokens, forKey: .inputTokens)
            try usageContainer.encodeIfPresent(usage.outputTokens, forKey: .outputTokens)
            try usageContainer.encode(usage.isEstimate, forKey: .estimate)
        }
        try container.encodeIfPresent(answer.timeToFirstToken.flatMap(Self.finite), forKey: .timeToFirstToken)
        try container.encodeIfPresent(answer.duration.flatMap(Self.finite), forKey: .duration)
        try container.encodeIfPresent(answer.reportedModel, forKey: .reportedModel)
        try container.encodeIfPresent(cost.flatMap { $0.amount.isFinite ? $0 : nil }, forKey: .cost)
        try container.encodeIfPresent(adoptedFrom, forKey: .adoptedFrom)
    }

    /// `value` when it can be written as JSON (not NaN or infinite).
    private static func finite(_ value: Double) -> Double? {
        value.isFinite ? value : nil
    }

    /// The status word written for `status`: `done`, `incomplete`, `interrupted` or `error`.
    static func word(for status: AnswerStatus) -> String {
        switch status {
        case .done: return "done"
        case .interrupted: return "interrupted"
        case .failed: return "error"
        case .incomplete, .waiting, .retrying, .streaming: return "incomplete"
        }
    }

    /// The status for a written word; a word from a newer version reads as `incomplete`.
    static func status(word: String, error: String?) -> AnswerStatus {
        switch word {
        case "done": return .done
        case "interrupted": return .interrupted
        case "error": return .failed(message: error ?? "unknown error")
        default: return .incomplete
        }
    }
}
