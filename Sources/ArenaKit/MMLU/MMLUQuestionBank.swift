/// All the questions arena can ask, grouped by subject, and where they came from.
///
/// Questions are ordered by subject name, then split (dev, val, test), then position in the
/// file, so "the first N questions" is well defined.
public struct MMLUQuestionBank: Sendable {
    /// Where a bank's questions come from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// The small question set compiled into arena (see `MMLUBuiltInQuestions`).
        case builtIn
        /// A directory holding `{dev,val,test}/<subject>_<split>.csv`.
        case directory(String)

        public var description: String {
            switch self {
            case .builtIn: return "built-in question set"
            case .directory(let path): return path
            }
        }
    }

    /// Where the questions come from.
    public let source: Source
    /// Every subject that has at least one question, sorted by name.
    public let subjects: [MMLUSubject]
    /// All questions, ordered by subject, split and index.
    private let allQuestions: [MMLUQuestion]
    /// Where each subject's questions are in `allQuestions`.
    private let rangesBySubject: [MMLUSubject: Range<Int>]

    /// Creates a bank from questions in any order (already ordered input is not re-sorted).
    public init(source: Source, questions: [MMLUQuestion]) {
        var ordered = questions
        if !Self.isOrdered(ordered) {
            ordered.sort(by: Self.precedes)
        }
        self.init(source: source, orderedQuestions: ordered)
    }

    /// Creates a bank from questions already in bank order (subject, split, index), as the
    /// directory loader produces them; skips the order check.
    init(source: Source, orderedQuestions ordered: [MMLUQuestion]) {
        var ranges: [MMLUSubject: Range<Int>] = [:]
        var subjects: [MMLUSubject] = []
        var start = 0
        while start < ordered.count {
            let subject = ordered[start].subject
            var end = start + 1
            while end < ordered.count && ordered[end].subject.name == subject.name { end += 1 }
            ranges[subject] = start..<end
            subjects.append(subject)
            start = end
        }
        self.source = source
        self.allQuestions = ordered
        self.rangesBySubject = ranges
        self.subjects = subjects
    }

    /// The number of questions in the bank.
    public var count: Int { allQuestions.count }

    /// One line for people: which set is in use and how big it is, e.g.
    /// "MMLU data at /data/mmlu/data (15,858 questions in 57 subjects)".
    public var sourceDescription: String {
        let size = "\(Self.grouped(count)) questions in \(subjects.count) subject\(subjects.count == 1 ? "" : "s")"
        switch source {
        case .builtIn: return "built-in question set (\(size))"
        case .directory(let path): return "MMLU data at \(path) (\(size))"
        }
    }

    /// The subject with this name, accepting the file-name form (`high_school_biology`) or the
    /// display form (`high school biology`), in any case. Nil when the bank has no such subject.
    public func subject(named name: String) -> MMLUSubject? {
        let wanted = name.lowercased().replacingSpacesWithUnderscores()
        return subjects.first { $0.name.lowercased() == wanted }
    }

    /// The number of questions of a subject, in one split or (nil) in all of them.
    public func count(of subject: MMLUSubject, split: MMLUSplit? = nil) -> Int {
        guard let range = rangesBySubject[subject] else { return 0 }
        guard let split else { return range.count }
        return allQuestions[range].reduce(0) { $0 + ($1.split == split ? 1 : 0) }
    }

    /// The number of questions in one split across all subjects.
    public func count(split: MMLUSplit) -> Int {
        subjects.reduce(0) { $0 + count(of: $1, split: split) }
    }

    /// Every subject with its question counts per split, sorted by subject name (for `/subject`).
    public func subjectSummaries() -> [MMLUSubjectSummary] {
        subjects.map { subject in
            var counts: [MMLUSplit: Int] = [:]
            for question in allQuestions[rangesBySubject[subject] ?? 0..<0] {
                counts[question.split, default: 0] += 1
            }
            return MMLUSubjectSummary(subject: subject, countsBySplit: counts)
        }
    }

    /// The questions of one subject, or of all subjects (nil), in one split or all (nil), in bank order.
    public func questions(of subject: MMLUSubject? = nil, split: MMLUSplit? = nil) -> [MMLUQuestion] {
        let pool: ArraySlice<MMLUQuestion>
        if let subject {
            pool = allQuestions[rangesBySubject[subject] ?? 0..<0]
        } else {
            pool = allQuestions[...]
        }
        guard let split else { return Array(pool) }
        return pool.filter { $0.split == split }
    }

    /// The first `count` questions of a subject (or of all subjects), in bank order.
    public func firstQuestions(_ count: Int, of subject: MMLUSubject? = nil, split: MMLUSplit? = nil) -> [MMLUQuestion] {
        Array(questions(of: subject, split: split).prefix(max(0, count)))
    }

    /// Up to `count` distinct questions drawn at random from a subject (or all subjects), in the
    /// order drawn. The same generator state always gives the same questions.
    public func randomQuestions<Generator: RandomNumberGenerator>(
        _ count: Int,
        of subject: MMLUSubject? = nil,
        split: MMLUSplit? = nil,
        using generator: inout Generator
    ) -> [MMLUQuestion] {
        var pool = questions(of: subject, split: split)
        let drawn = min(max(0, count), pool.count)
        // A partial Fisher–Yates shuffle: the first `drawn` places get a uniform sample.
        for place in 0..<drawn {
            let pick = Int.random(in: place..<pool.count, using: &generator)
            pool.swapAt(place, pick)
        }
        return Array(pool.prefix(drawn))
    }

    /// One question drawn at random from a subject (or all subjects); nil when there is none.
    public func randomQuestion<Generator: RandomNumberGenerator>(
        of subject: MMLUSubject? = nil,
        split: MMLUSplit? = nil,
        using generator: inout Generator
    ) -> MMLUQuestion? {
        randomQuestions(1, of: subject, split: split, using: &generator).first
    }

    /// The question with this identifier (`MMLUQuestion.id`), if the bank has it.
    public func question(withID id: String) -> MMLUQuestion? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let split = MMLUSplit(rawValue: String(parts[1])),
              let index = Int(parts[2]),
              let range = rangesBySubject[MMLUSubject(String(parts[0]))]
        else { return nil }
        return allQuestions[range].first { $0.split == split && $0.index == index }
    }

    /// The bank order: subject name, then split, then index.
    private static func precedes(_ lhs: MMLUQuestion, _ rhs: MMLUQuestion) -> Bool {
        if lhs.subject.name != rhs.subject.name { return lhs.subject.name < rhs.subject.name }
        if lhs.split != rhs.split { return lhs.split < rhs.split }
        return lhs.index < rhs.index
    }

    private static func isOrdered(_ questions: [MMLUQuestion]) -> Bool {
        var index = 1
        while index < questions.count {
            if precedes(questions[index], questions[index - 1]) { return false }
            index += 1
        }
        return true
    }

    /// Formats a count with thousands separators ("15,858"), independent of locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }
}

/// A subject and how many questions it has in each split.
public struct MMLUSubjectSummary: Sendable, Hashable {
    /// The subject.
    public var subject: MMLUSubject
    /// Question counts per split; a split without questions is absent.
    public var countsBySplit: [MMLUSplit: Int]

    /// A summary for `subject` with its counts per split.
    public init(subject: MMLUSubject, countsBySplit: [MMLUSplit: Int]) {
        self.subject = subject
        self.countsBySplit = countsBySplit
    }

    /// The number of questions in one split.
    public func count(_ split: MMLUSplit) -> Int { countsBySplit[split] ?? 0 }

    /// The number of questions in all splits.
    public var total: Int { countsBySplit.values.reduce(0, +) }
}

extension String {
    fileprivate func replacingSpacesWithUnderscores() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
