/// How one side did on one question.
public enum MMLUGrade: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The extracted choice is the correct one.
    case right
    /// A choice was extracted and it is not the correct one.
    case wrong
    /// No choice could be extracted (no answer, or an ambiguous one).
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
    /// Right, wrong or unanswered.
    public var grade: MMLUGrade

    public init(questionID: String, extracted: MMLUChoice?, correct: MMLUChoice) {
        self.questionID = questionID
        self.extracted = extracted
        self.correct = correct
        if let extracted {
            self.grade = extracted == correct ? .right : .wrong
        } else {
            self.grade = .unanswered
        }
    }

    /// A short label for a column: "✓ C (right)", "✗ B (wrong, answer C)", "? unanswered (answer C)".
    public var summary: String {
        switch grade {
        case .right: return "✓ \(correct.letter) (right)"
        case .wrong: return "✗ \(extracted?.letter ?? "?") (wrong, answer \(correct.letter))"
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
            extracted: MMLUAnswerExtractor.extract(from: response, choices: question.choices),
            correct: question.answer
        )
    }
}

/// A running score for one side: how many answers were right, wrong and unanswered.
/// Use one per side (e.g. `SidePair<MMLUTally>`).
public struct MMLUTally: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Answers whose extracted choice was correct.
    public var right: Int
    /// Answers whose extracted choice was not correct.
    public var wrong: Int
    /// Answers from which no choice could be extracted.
    public var unanswered: Int

    /// A tally with the given counts (all zero by default).
    public init(right: Int = 0, wrong: Int = 0, unanswered: Int = 0) {
        self.right = right
        self.wrong = wrong
        self.unanswered = unanswered
    }

    /// Counts one more graded answer.
    public mutating func record(_ grade: MMLUGrade) {
        switch grade {
        case .right: right += 1
        case .wrong: wrong += 1
        case .unanswered: unanswered += 1
        }
    }

    /// All graded questions.
    public var total: Int { right + wrong + unanswered }

    /// Right answers over all questions (unanswered count as not right); nil before any question.
    public var accuracy: Double? { total == 0 ? nil : Double(right) / Double(total) }

    /// The 95% Wilson score interval of the accuracy; nil before any question.
    public var confidenceInterval: MMLUWilsonInterval? {
        MMLUWilsonInterval(successes: right, trials: total)
    }

    /// "7/10 right (70.0%), 2 wrong, 1 unanswered".
    public var description: String {
        let percent = accuracy.map { " (\(MMLUAccuracyTable.percent($0)))" } ?? ""
        return "\(right)/\(total) right\(percent), \(wrong) wrong, \(unanswered) unanswered"
    }
}
