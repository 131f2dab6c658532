extension TranscriptEvent {
    /// An MMLU answer, graded.
    public struct Grade: Sendable, Hashable, Codable {
        public var turn: Int
        public var side: Side
        /// The name of the model graded.
        public var model: String?
        /// The letter found in the answer, or `nil` when none could be found.
        public var extractedLetter: String?
        /// The right letter.
        public var correctLetter: String
        public var isCorrect: Bool
        /// Stored only when true, so transcripts written before arena knew "unclear" read the same.
        private var unclear: Bool?

        /// Whether the answer stated choices that conflict (no letter extracted, yet not unanswered).
        public var isUnclear: Bool {
            get { unclear ?? false }
            set { unclear = newValue ? true : nil }
        }

        /// What the grade was: right, wrong, unclear or unanswered.
        public var grade: MMLUGrade {
            if isCorrect { return .right }
            if isUnclear { return .unclear }
            return extractedLetter == nil ? .unanswered : .wrong
        }

        public init(turn: Int, side: Side, model: String? = nil, extractedLetter: String?, correctLetter: String, isCorrect: Bool, isUnclear: Bool = false) {
            self.turn = turn
            self.side = side
            self.model = model
            self.extractedLetter = extractedLetter
            self.correctLetter = correctLetter
            self.isCorrect = isCorrect
            self.isUnclear = isUnclear
        }

        /// The record of a graded answer.
        public init(turn: Int, side: Side, model: String? = nil, graded: MMLUGradedAnswer) {
            self.init(
                turn: turn, side: side, model: model,
                extractedLetter: graded.extracted?.letter, correctLetter: graded.correct.letter,
                isCorrect: graded.grade == .right, isUnclear: graded.grade == .unclear
            )
        }

        /// A grade whose correctness follows from the two letters.
        public init(turn: Int, side: Side, model: String? = nil, extractedLetter: String?, correctLetter: String) {
            self.init(
                turn: turn, side: side, model: model,
                extractedLetter: extractedLetter, correctLetter: correctLetter,
                isCorrect: extractedLetter?.uppercased() == correctLetter.uppercased()
            )
        }

        enum CodingKeys: String, CodingKey {
            case turn, side, model
            case extractedLetter = "extracted"
            case correctLetter = "correct"
            case isCorrect = "is_correct"
            case unclear
        }
    }

    /// The person's verdict on a turn.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        /// Side A's answer was better.
        case a
        /// Side B's answer was better.
        case b
        /// Both were as good.
        case tie
        /// Both were bad.
        case bad
    }

    /// A vote on one turn, with the names of the two models it was between.
    public struct Vote: Sendable, Hashable, Codable {
        public var turn: Int
        public var verdict: Verdict
        /// True when cast in a blind battle, before the names were shown.
        public var anonymous: Bool
        public var modelA: String
        public var modelB: String

        public init(turn: Int, verdict: Verdict, anonymous: Bool, modelA: String, modelB: String) {
            self.turn = turn
            self.verdict = verdict
            self.anonymous = anonymous
            self.modelA = modelA
            self.modelB = modelB
        }

        enum CodingKeys: String, CodingKey {
            case turn, verdict, anonymous
            case modelA = "model_a"
            case modelB = "model_b"
        }
    }

    /// The names of a blind battle's models, at the moment they were shown.
    public struct Reveal: Sendable, Hashable, Codable {
        /// The turn the reveal followed, when there was one.
        public var turn: Int?
        public var modelA: String
        public var modelB: String

        public init(turn: Int? = nil, modelA: String, modelB: String) {
            self.turn = turn
            self.modelA = modelA
            self.modelB = modelB
        }

        enum CodingKeys: String, CodingKey {
            case turn
            case modelA = "model_a"
            case modelB = "model_b"
        }
    }
}
