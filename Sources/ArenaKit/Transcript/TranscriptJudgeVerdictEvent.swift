import Foundation

extension TranscriptEvent {
    /// What a judge model was asked to do with a turn.
    public enum JudgeKind: String, Sendable, Hashable, Codable {
        /// Compare the two answers (asked twice, once in each order).
        case pairwise
        /// Grade each answer alone, 1 to 10.
        case score
    }

    /// A judge model's verdict on one turn, kept apart from the person's ``Vote``s.
    ///
    /// Pairwise: `replies` holds the judge's two raw replies (A shown first, then B shown
    /// first), `orderVerdicts` what each said in terms of sides, `verdict` the outcome (a tie when
    /// the two orders disagree) and `consistent` whether they agreed. Score: `replies` holds the
    /// reply about A's answer and about B's, `scores` the two ratings (1–10).
    public struct JudgeVerdict: Sendable, Hashable, Codable {
        public var turn: Int
        /// The judge model's name.
        public var judge: String
        /// The version of the prompt template the judge was asked with.
        public var template: String
        public var kind: JudgeKind
        /// The models compared (as votes name them); the judge never saw these names.
        public var modelA: String
        public var modelB: String
        /// True when judged in a blind battle, before the names were shown.
        public var anonymous: Bool
        /// Pairwise: `a`, `b` or `tie`.
        public var verdict: Verdict?
        /// Pairwise: whether both orders gave the same verdict.
        public var consistent: Bool?
        /// Pairwise: the verdict of each order (A first, B first), in terms of sides.
        public var orderVerdicts: [Verdict]?
        /// Score: A's and B's ratings.
        public var scores: [Double]?
        /// The judge's raw replies, as received (sanitised only when shown).
        public var replies: [String]

        public init(
            turn: Int, judge: String, template: String, kind: JudgeKind, modelA: String, modelB: String, anonymous: Bool,
            verdict: Verdict? = nil, consistent: Bool? = nil, orderVerdicts: [Verdict]? = nil, scores: [Double]? = nil, replies: [String]
        ) {
            self.turn = turn
            self.judge = judge
            self.template = template
            self.kind = kind
            self.modelA = modelA
            self.modelB = modelB
            self.anonymous = anonymous
            self.verdict = verdict
            self.consistent = consistent
            self.orderVerdicts = orderVerdicts
            self.scores = scores
            self.replies = replies
        }

        enum CodingKeys: String, CodingKey {
            case turn, judge, template, kind, anonymous, verdict, consistent, scores, replies
            case modelA = "model_a"
            case modelB = "model_b"
            case orderVerdicts = "order_verdicts"
        }
    }
}

extension TranscriptEvent.JudgeVerdict {
    /// The outcome in a few words, with sides only (never model names): "A wins", "a tie
    /// (inconsistent: the two orders disagreed)", "A 8/10, B 5/10".
    public var summary: String {
        switch kind {
        case .pairwise:
            let outcome: String
            switch verdict {
            case .a: outcome = "A wins"
            case .b: outcome = "B wins"
            default: outcome = "a tie"
            }
            return consistent == false ? outcome + " (inconsistent: the two orders disagreed)" : outcome
        case .score:
            let values = scores ?? []
            return zip(["A", "B"], values).map { "\($0) \(Self.format($1))/10" }.joined(separator: ", ")
        }
    }

    /// A rating without a needless ".0".
    static func format(_ score: Double) -> String {
        score == score.rounded() ? String(Int(score)) : String(format: "%.1f", score)
    }
}
