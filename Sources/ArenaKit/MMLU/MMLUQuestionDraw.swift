/// Which questions `arena mmlu` asks: `count` questions drawn at random from one subject (or
/// all) in one split, from a seed, so the same seed draws the same questions again. The test
/// split is the default, as the MMLU paper and lm-evaluation-harness score it.
public struct MMLUQuestionDraw: Sendable, Hashable {
    /// The subject, or nil for all subjects.
    public var subject: MMLUSubject?
    /// The split the questions come from.
    public var split: MMLUSplit
    /// How many questions were asked for.
    public var count: Int
    /// The seed of the draw.
    public var seed: UInt64

    public init(subject: MMLUSubject?, split: MMLUSplit = .test, count: Int, seed: UInt64) {
        self.subject = subject
        self.split = split
        self.count = count
        self.seed = seed
    }

    /// A seed for a run that was not given one (kept short, to be easy to type back).
    public static func randomSeed() -> UInt64 {
        UInt64.random(in: 1...999_999)
    }

    /// The drawn questions, in the order drawn.
    public func questions(from bank: MMLUQuestionBank) -> [MMLUQuestion] {
        var generator = SplitMix64(seed: seed)
        return bank.randomQuestions(count, of: subject, split: split, using: &generator)
    }

    /// How many questions the subject (or all subjects) has in the split.
    public func available(in bank: MMLUQuestionBank) -> Int {
        if let subject { return bank.count(of: subject, split: split) }
        return bank.count(split: split)
    }

    /// What the user must be told before the run when the split cannot supply `count`
    /// questions, e.g. "--n 500: astronomy has only 152 test questions; asking all 152".
    public func shortfall(in bank: MMLUQuestionBank) -> String? {
        let available = available(in: bank)
        guard available < count else { return nil }
        return "--n \(count): \(subject?.name ?? "all subjects together") ha\(subject == nil ? "ve" : "s") only \(available) \(split) question\(available == 1 ? "" : "s"); asking all \(available)"
    }

    /// The lines above the results table: how many questions from where, in which split, how
    /// many per subject, and the seed that repeats the run.
    ///
    ///     5 questions from astronomy, test split (5 per subject); built-in question set (60 questions in 12 subjects)
    ///     seed 1 (--seed 1 asks the same questions again)
    public func heading(for questions: [MMLUQuestion], bank: MMLUQuestionBank) -> String {
        var perSubject: [String: Int] = [:]
        for question in questions { perSubject[question.subject.name, default: 0] += 1 }
        let counts = Set(perSubject.values)
        let spread: String
        if counts.count <= 1 {
            spread = "\(counts.first ?? 0) per subject"
        } else {
            spread = "\(counts.min() ?? 0)–\(counts.max() ?? 0) per subject in \(perSubject.count) subjects: "
                + perSubject.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        let plural = questions.count == 1 ? "" : "s"
        return """
            \(questions.count) question\(plural) from \(subject?.displayName ?? "all subjects"), \(split) split (\(spread)); \(bank.sourceDescription)
            seed \(seed) (--seed \(seed) asks the same questions again)
            """
    }
}
