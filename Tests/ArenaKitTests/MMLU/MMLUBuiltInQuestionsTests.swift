import Foundation
import Testing
@testable import ArenaKit

@Suite("MMLU built-in questions")
struct MMLUBuiltInQuestionsTests {
    /// The 57 subject names of the MMLU release.
    static let releaseSubjects: Set<String> = Set(MMLUReleaseTests.expectedCounts.keys)

    @Test("at least 5 questions for each of at least 10 real MMLU subjects")
    func coverage() {
        let bank = MMLUQuestionBank.builtIn
        #expect(bank.subjects.count >= 10)
        for subject in bank.subjects {
            #expect(Self.releaseSubjects.contains(subject.name), "\(subject) is not an MMLU subject")
            #expect(bank.count(of: subject) >= 5, "\(subject)")
        }
        #expect(bank.source == .builtIn)
    }

    @Test("every built-in question is well formed")
    func wellFormed() {
        let questions = MMLUBuiltInQuestions.all
        #expect(Set(questions.map(\.id)).count == questions.count)
        for question in questions {
            #expect(!question.question.isEmpty)
            #expect(question.question == question.question.trimmingSurroundingWhitespace())
            #expect(question.choices.count == 4)
            #expect(Set(question.choices).count == 4, "\(question.id) repeats a choice")
            #expect(question.choices.allSatisfy { !$0.isEmpty && $0 == $0.trimmingSurroundingWhitespace() })
            #expect(question.split == .test)
            // The correct choice, quoted on its own, is extracted as itself.
            #expect(MMLUAnswerExtractor.extract(from: question.answerText, choices: question.choices) == question.answer,
                    "\(question.id)")
        }
    }

    @Test("the built-in questions survive a CSV round trip in the release format")
    func csvRoundTrip() throws {
        let questions = MMLUBuiltInQuestions.all
        func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let csv = questions.map { question in
            ([question.question] + question.choices + [question.answer.letter]).map(quoted).joined(separator: ",")
        }.joined(separator: "\r\n")
        let parsed = try MMLUFileParser.questions(in: csv, file: "builtin.csv", subject: MMLUSubject("x"), split: .test)
        #expect(parsed.map(\.question) == questions.map(\.question))
        #expect(parsed.map(\.choices) == questions.map(\.choices))
        #expect(parsed.map(\.answer) == questions.map(\.answer))
    }

    @Test("answers are spread over the four letters")
    func balancedAnswers() {
        let questions = MMLUBuiltInQuestions.all
        for choice in MMLUChoice.allCases {
            let share = Double(questions.filter { $0.answer == choice }.count) / Double(questions.count)
            #expect(share > 0.15 && share < 0.35, "\(choice): \(share)")
        }
    }
}

extension String {
    fileprivate func trimmingSurroundingWhitespace() -> String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters.removeFirst() }
        while characters.last?.isWhitespace == true { characters.removeLast() }
        return String(characters)
    }
}
