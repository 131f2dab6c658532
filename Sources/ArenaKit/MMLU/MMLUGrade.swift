/// How one side did on one question.
public enum MMLUGrade: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The extracted choice is the correct one.
    case right
    /// A choice was extracted and it is not the correct one.
    case wrong
    /// The answer states choices that conflict ("Answer: A" … "Final answer: C").
    case unclear
    /// No choice could be extracted (no answer, a hedge, reasoning that never ended).
    case unanswered

    public var description: String { rawValue }
}

/// The graded answer of one side to one question, as stored in the transcript.
public struct MMLUGradedAnswer: Sendable, Hashable, Codable {
    /// The question's identifier (`MMLUQuestion.id`).
    public var questionID: String
    /// The choice extracted from the response, if any.
    public var extracted: MMLUChoice?
    /// The correct choice.
    public var correct: MMLUChoice
    /// Right, wrong, unclear or unanswered.
    public var grade: MMLUGrade

    /// The grade of an extracted choice: right, wrong, or unanswered when there is none.
    public init(questionID: String, extracted: MMLUChoice?, correct: MMLUChoice) {
        self.init(questionID: questionID, reading: extracted.map { .choice($0) } ?? .unanswered, correct: correct)
    }

    /// The grade of a reading of the answer: right, wrong, unclear or unanswered.
    public init(questionID: String, reading: MMLUAnswerReading, correct: MMLUChoice) {
        self.questionID = questionID
        self.extracted = reading.choice
        self.correct = correct
        switch reading {
        case .choice(let choice): self.grade = choice == correct ? .right : .wrong
        case .unclear: self.grade = .unclear
        case .unanswered: self.grade = .unanswered
        }
    }

    /// A short label for a column: "✓ C (right)", "✗ B (wrong, answer C)", "~ unclear (answer C)",
    /// "? unanswered (answer C)".
    public var summary: String {
        switch grade {
        case .right: return "✓ \(correct.letter) (right)"
        case .wrong: return "✗ \(extracted?.letter ?? "?") (wrong, answer \(correct.letter))"
        case .unclear: return "~ unclear (answer \(correct.letter))"
        case .unanswered: return "? unanswered (answer \(correct.letter))"
        }
    }
}

/// Grades a model's response to a question.
public enum MMLUGrader {
    /// Extracts the chosen letter from `response` and compares it with the question's answer.
    public static func grade(_ response: String, for question: MMLUQuestion) -> MMLUGradedAnswer {
        MMLUGradedAnswer(
            questionID: question.id,
            reading: MMLUAnswerExtractor.read(response, choices: question.choices),
            correct: question.answer
        )
    }
}

/// A running score for one side: how many answers were right, wrong, unclear and unanswered.
/// Use one per side (e.g. `SidePair<MMLUTally>`).
public struct MMLUTally: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Answers whose extracted choice was correct.
    public var right: Int
    /// Answers whose extracted choice was not correct.
    public var wrong: Int
    /// Answers from which no choice could be extracted.
    public var unanswered: Int
    /// Answers whose stated choices conflict.
    public var unclear: Int

    /// A tally with the given counts (all zero by default).
    public init(right: Int = 0, wrong: Int = 0, unanswered: Int = 0, unclear: Int = 0) {
        self.right = right
        self.wrong = wrong
        self.unanswered = unanswered
        self.unclear = unclear
    }

    /// Counts one more graded answer.
    public mutating func record(_ grade: MMLUGrade) {
        switch grade {
        case .right: right += 1
        case .wrong: wrong += 1
        case .unclear: unclear += 1
        case .unanswered: unanswered += 1
        }
    }

    /// All graded questions.
    public var total: Int { right + wrong + unclear + unanswered }

    /// Right answers over all questions (unclear and unanswered count as not right); nil before any question.
    public var accuracy: Double? { total == 0 ? nil : Double(right) / Double(total) }

    /// The 95% Wilson score interval of the accuracy; nil before any question.
    public var confidenceInterval: MMLUWilsonInterval? {
        MMLUWilsonInterval(successes: right, trials: total)
    }

    /// "7/10 right (70.0%), 2 wrong, 0 unclear, 1 unanswered".
    public var description: String {
        let percent = accuracy.map { " (\(MMLUAccuracyTable.percent($0)))" } ?? ""
        return "\(right)/\(total) right\(percent), \(wrong) wrong, \(unclear) unclear, \(unanswered) unanswered"
    }
}
