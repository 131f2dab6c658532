import Foundation
import Testing
@testable import ArenaKit

@Suite("MMLU unclear grade")
struct MMLUUnclearGradeTests {
    private let question = MMLUQuestion(subject: MMLUSubject("biology"), split: .test, index: 0, question: "Q?",
                                        choices: ["Nucleus", "Ribosome", "Mitochondrion", "Golgi apparatus"], answer: .c)

    @Test("conflicting answers grade unclear, counted apart from wrong and unanswered")
    func unclearIsItsOwnGrade() {
        let unclear = MMLUGrader.grade("Answer: A\n\nFinal answer: C", for: question)
        #expect(unclear.grade == .unclear && unclear.extracted == nil)
        #expect(unclear.summary == "~ unclear (answer C)")
        var tally = MMLUTally()
        for response in ["C", "B", "Both A and C", "<think>The answer is C"] {
            tally.record(MMLUGrader.grade(response, for: question).grade)
        }
        #expect(tally == MMLUTally(right: 1, wrong: 1, unanswered: 1, unclear: 1))
        #expect(tally.description == "1/4 right (25.0%), 1 wrong, 1 unclear, 1 unanswered")
    }

    @Test("the grade line records unclear, and lines written before it existed read as before")
    func transcriptLines() throws {
        let coder = TranscriptLineCoder()
        let graded = MMLUGrader.grade("Both A and C", for: question)
        let event = TranscriptEvent.grade(.init(turn: 3, side: .b, model: "m", graded: graded))
        let line = try coder.encodeLine(TranscriptRecord(event: event, time: Date(timeIntervalSince1970: 0)))
        #expect(String(decoding: line, as: UTF8.self).contains("\"unclear\":true"))
        guard case .record(let decoded) = try coder.decodeLine(line.dropLast(), lineNumber: 1), case .grade(let grade) = decoded.event else {
            Issue.record("the grade line did not read back")
            return
        }
        #expect(grade.grade == .unclear && grade.isUnclear && !grade.isCorrect)
        #expect(TranscriptExportText.grade(grade) == "Grade: B gave conflicting answers: unclear (correct: C).")

        let right = try coder.encodeLine(TranscriptRecord(event: .grade(.init(turn: 1, side: .a, graded: MMLUGrader.grade("C", for: question)))))
        #expect(!String(decoding: right, as: UTF8.self).contains("unclear"))

        let old = #"{"type":"grade","v":1,"ts":"2026-11-25T15:31:59.000Z","turn":1,"side":"a","correct":"C","is_correct":false}"#
        guard case .record(let oldRecord) = try coder.decodeLine(Data(old.utf8), lineNumber: 1), case .grade(let oldGrade) = oldRecord.event else {
            Issue.record("an old grade line did not read")
            return
        }
        #expect(oldGrade.grade == .unanswered && !oldGrade.isUnclear)
    }
}

@Suite("MMLU question draw")
struct MMLUQuestionDrawTests {
    private func bank() -> MMLUQuestionBank {
        var questions: [MMLUQuestion] = []
        for (subject, counts) in [("anatomy", [(MMLUSplit.dev, 5), (.val, 3), (.test, 12)]), ("virology", [(.dev, 5), (.test, 4)])] {
            for (split, count) in counts {
                for index in 0..<count {
                    questions.append(MMLUQuestion(subject: MMLUSubject(subject), split: split, index: index, question: "\(subject) \(split) \(index)?",
                                                  choices: ["a", "b", "c", "d"], answer: .a))
                }
            }
        }
        return MMLUQuestionBank(source: .builtIn, questions: questions)
    }

    @Test("draws from the test split by default, the same questions for the same seed")
    func testSplitAndSeed() {
        let bank = bank()
        let draw = MMLUQuestionDraw(subject: nil, count: 10, seed: 42)
        let questions = draw.questions(from: bank)
        #expect(questions.count == 10 && questions.allSatisfy { $0.split == .test })
        #expect(MMLUQuestionDraw(subject: nil, count: 10, seed: 42).questions(from: bank) == questions)
        #expect(MMLUQuestionDraw(subject: nil, count: 10, seed: 43).questions(from: bank) != questions)
        let dev = MMLUQuestionDraw(subject: bank.subject(named: "anatomy"), split: .dev, count: 3, seed: 1).questions(from: bank)
        #expect(dev.count == 3 && dev.allSatisfy { $0.split == .dev && $0.subject.name == "anatomy" })
    }

    @Test("says when the split has fewer questions than asked for")
    func shortfall() {
        let bank = bank()
        let virology = MMLUQuestionDraw(subject: bank.subject(named: "virology"), count: 20, seed: 1)
        #expect(virology.shortfall(in: bank) == "--n 20: virology has only 4 test questions; asking all 4")
        #expect(virology.questions(from: bank).count == 4)
        #expect(MMLUQuestionDraw(subject: nil, split: .val, count: 5, seed: 1).shortfall(in: bank) == "--n 5: all subjects together have only 3 val questions; asking all 3")
        #expect(MMLUQuestionDraw(subject: nil, count: 16, seed: 1).shortfall(in: bank) == nil)
    }

    @Test("the heading names the split, the questions per subject and the seed")
    func heading() {
        let bank = bank()
        let anatomy = MMLUQuestionDraw(subject: bank.subject(named: "anatomy"), count: 5, seed: 7)
        #expect(anatomy.heading(for: anatomy.questions(from: bank), bank: bank) == """
            5 questions from anatomy, test split (5 per subject); built-in question set (29 questions in 2 subjects)
            seed 7 (--seed 7 asks the same questions again)
            """)
        let all = MMLUQuestionDraw(subject: nil, count: 16, seed: 7)
        #expect(all.heading(for: all.questions(from: bank), bank: bank).hasPrefix(
            "16 questions from all subjects, test split (4–12 per subject in 2 subjects: anatomy 12, virology 4)"))
    }
}
