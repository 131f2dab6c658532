import Testing
@testable import ArenaKit

@Suite("MMLU grading and statistics")
struct MMLUStatisticsTests {
    @Test("Wilson intervals match hand-computed values", arguments: [
        // successes, trials, lower, upper (computed by hand from the Wilson formula, z = 1.959964)
        (7, 10, 0.396778, 0.892209),
        (0, 10, 0.0, 0.277533),
        (10, 10, 0.722467, 1.0),
        (42, 50, 0.714858, 0.916626),
        (50, 100, 0.403832, 0.596168),
        (1, 1, 0.206549, 1.0),
    ])
    func wilson(_ successes: Int, _ trials: Int, _ lower: Double, _ upper: Double) throws {
        let interval = try #require(MMLUWilsonInterval(successes: successes, trials: trials))
        #expect(abs(interval.lower - lower) < 1e-6)
        #expect(abs(interval.upper - upper) < 1e-6)
    }

    @Test("no interval without trials or with inconsistent counts")
    func wilsonEdgeCases() {
        #expect(MMLUWilsonInterval(successes: 0, trials: 0) == nil)
        #expect(MMLUWilsonInterval(successes: 3, trials: 2) == nil)
        #expect(MMLUWilsonInterval(successes: -1, trials: 2) == nil)
    }

    @Test("grading marks right, wrong and unanswered, and the tally adds them up")
    func gradingAndTally() {
        let question = MMLUQuestion(subject: MMLUSubject("astronomy"), split: .test, index: 3,
                                    question: "Q?", choices: ["w", "x", "y", "z"], answer: .c)
        let right = MMLUGrader.grade("The answer is (C).", for: question)
        let wrong = MMLUGrader.grade("B", for: question)
        let unanswered = MMLUGrader.grade("I am not sure: A or D.", for: question)
        #expect(right.grade == .right && right.extracted == .c && right.questionID == "astronomy/test/3")
        #expect(wrong.grade == .wrong && wrong.extracted == .b && wrong.correct == .c)
        #expect(unanswered.grade == .unanswered && unanswered.extracted == nil)
        #expect(right.summary == "✓ C (right)")
        #expect(wrong.summary == "✗ B (wrong, answer C)")
        #expect(unanswered.summary == "? unanswered (answer C)")

        var tally = MMLUTally()
        #expect(tally.accuracy == nil && tally.confidenceInterval == nil)
        for graded in [right, wrong, unanswered, right] { tally.record(graded.grade) }
        #expect(tally == MMLUTally(right: 2, wrong: 1, unanswered: 1))
        #expect(tally.total == 4)
        #expect(tally.accuracy == 0.5)
        #expect(tally.description == "2/4 right (50.0%), 1 wrong, 0 unclear, 1 unanswered")
    }

    @Test("percentages have one decimal")
    func percentages() {
        #expect(MMLUAccuracyTable.percent(0.7) == "70.0%")
        #expect(MMLUAccuracyTable.percent(0.39677) == "39.7%")
        #expect(MMLUAccuracyTable.percent(1) == "100.0%")
        #expect(MMLUAccuracyTable.percent(0) == "0.0%")
        #expect(MMLUAccuracyTable.percent(0.0005) == "0.1%")
    }

    @Test("the accuracy table aligns its columns")
    func table() {
        let table = MMLUAccuracyTable.render([
            MMLUAccuracyRow(model: "scribe-fast", tally: MMLUTally(right: 7, wrong: 2, unanswered: 1)),
            MMLUAccuracyRow(model: "gpt", tally: MMLUTally(right: 42, wrong: 8, unanswered: 0)),
            MMLUAccuracyRow(model: "idle", tally: MMLUTally()),
        ])
        #expect(table == """
            model        right  wrong  unclear  unanswered   n  accuracy  95% CI
            scribe-fast      7      2        0           1  10     70.0%  39.7%–89.2%
            gpt             42      8        0           0  50     84.0%  71.5%–91.7%
            idle             0      0        0           0   0         –  –

            """)
    }
}

@Suite("MMLU subject table")
struct MMLUSubjectTableTests {
    @Test("lists the source, then subjects with counts per split")
    func listing() {
        func question(_ subject: String, _ split: MMLUSplit, _ index: Int) -> MMLUQuestion {
            MMLUQuestion(subject: MMLUSubject(subject), split: split, index: index, question: "?", choices: ["a", "b", "c", "d"], answer: .b)
        }
        let bank = MMLUQuestionBank(source: .directory("/data"), questions: [
            question("virology", .test, 0), question("virology", .test, 1), question("high_school_physics", .dev, 0),
        ])
        #expect(MMLUSubjectTable.render(bank) == """
            MMLU data at /data (3 questions in 2 subjects)
            subject              dev  val  test
            high_school_physics    1    0     0
            virology               0    0     2

            """)
    }

    @Test("the built-in listing names the built-in set")
    func builtInListing() {
        let listing = MMLUSubjectTable.render(.builtIn)
        #expect(listing.hasPrefix("built-in question set (60 questions in 12 subjects)\nsubject"))
        #expect(listing.contains("\nworld_religions             0    0     5\n"))
    }
}
