/// The small question set compiled into arena, so MMLU commands work offline on a fresh
/// machine. The questions were written for arena (they are not taken from MMLU) and use real
/// MMLU subject names, five per subject, with answers spread evenly over A to D.
enum MMLUBuiltInQuestions {
    /// Every built-in question, as split `test`, numbered per subject.
    public static var all: [MMLUQuestion] {
        (sciences + humanities).flatMap { set in
            set.entries.enumerated().map { index, entry in
                MMLUQuestion(
                    subject: MMLUSubject(set.subject),
                    split: .test,
                    index: index,
                    question: entry.question,
                    choices: entry.choices,
                    answer: entry.answer
                )
            }
        }
    }

    /// The questions of one subject, in order.
    struct SubjectSet {
        var subject: String
        var entries: [Entry]

        init(_ subject: String, _ entries: [Entry]) {
            self.subject = subject
            self.entries = entries
        }
    }

    /// One question: text, choices A to D, and the correct choice.
    struct Entry {
        var question: String
        var choices: [String]
        var answer: MMLUChoice

        init(_ question: String, _ choices: [String], _ answer: MMLUChoice) {
            self.question = question
            self.choices = choices
            self.answer = answer
        }
    }
}
