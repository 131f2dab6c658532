import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

@Suite("MMLU question bank and data location")
struct MMLUQuestionBankTests {
    private static func question(_ subject: String, _ split: MMLUSplit, _ index: Int) -> MMLUQuestion {
        MMLUQuestion(subject: MMLUSubject(subject), split: split, index: index,
                     question: "\(subject) \(split) \(index)?", choices: ["a", "b", "c", "d"], answer: .a)
    }

    private let bank = MMLUQuestionBank(source: .builtIn, questions: [
        question("zoology", .test, 1), question("anatomy", .test, 0), question("zoology", .dev, 0),
        question("anatomy", .dev, 0), question("zoology", .test, 0), question("anatomy", .val, 0),
    ])

    @Test("questions are ordered by subject, split and index")
    func ordering() {
        #expect(bank.subjects == [MMLUSubject("anatomy"), MMLUSubject("zoology")])
        #expect(bank.questions().map(\.id) == [
            "anatomy/dev/0", "anatomy/val/0", "anatomy/test/0", "zoology/dev/0", "zoology/test/0", "zoology/test/1",
        ])
        #expect(bank.questions(of: MMLUSubject("zoology"), split: .test).map(\.index) == [0, 1])
        #expect(bank.firstQuestions(2, of: MMLUSubject("zoology")).map(\.id) == ["zoology/dev/0", "zoology/test/0"])
        #expect(bank.firstQuestions(10, of: MMLUSubject("anatomy")).count == 3)
        #expect(bank.firstQuestions(-1).isEmpty)
        #expect(bank.questions(of: MMLUSubject("botany")).isEmpty)
    }

    @Test("counts per subject and split")
    func counts() {
        #expect(bank.count == 6)
        #expect(bank.count(split: .test) == 3)
        #expect(bank.count(of: MMLUSubject("anatomy")) == 3)
        #expect(bank.count(of: MMLUSubject("zoology"), split: .val) == 0)
        let summaries = bank.subjectSummaries()
        #expect(summaries.map(\.subject.name) == ["anatomy", "zoology"])
        #expect(summaries[1].count(.test) == 2 && summaries[1].count(.val) == 0 && summaries[1].total == 3)
    }

    @Test("subjects are found by file name or display name, in any case")
    func subjectLookup() {
        let subject = MMLUSubject("high_school_biology")
        #expect(subject.displayName == "high school biology")
        let builtIn = MMLUQuestionBank.builtIn
        #expect(builtIn.subject(named: "high_school_biology") == subject)
        #expect(builtIn.subject(named: "High School Biology") == subject)
        #expect(builtIn.subject(named: "biology") == nil)
    }

    @Test("random questions are distinct, reproducible from the seed, and limited to the pool")
    func randomQuestions() {
        let full = MMLUQuestionBank.builtIn
        var first = MMLUTestGenerator(seed: 42)
        var second = MMLUTestGenerator(seed: 42)
        let drawn = full.randomQuestions(10, using: &first)
        #expect(drawn.map(\.id) == full.randomQuestions(10, using: &second).map(\.id))
        #expect(Set(drawn.map(\.id)).count == 10)
        var other = MMLUTestGenerator(seed: 7)
        #expect(drawn.map(\.id) != full.randomQuestions(10, using: &other).map(\.id))

        let subject = MMLUSubject("astronomy")
        var generator = MMLUTestGenerator(seed: 1)
        let all = full.randomQuestions(50, of: subject, using: &generator)
        #expect(all.count == 5)
        #expect(Set(all.map(\.id)) == Set(full.questions(of: subject).map(\.id)))
        #expect(full.randomQuestion(of: MMLUSubject("botany"), using: &generator) == nil)
        #expect(full.randomQuestion(of: subject, using: &generator)?.subject == subject)
    }

    @Test("question lookup by identifier")
    func lookupByID() {
        #expect(bank.question(withID: "zoology/test/1")?.question == "zoology test 1?")
        #expect(bank.question(withID: "zoology/test/9") == nil)
        #expect(bank.question(withID: "zoology/nope/1") == nil)
        #expect(bank.question(withID: "garbage") == nil)
    }

    @Test("thousands separators in the source description")
    func grouping() {
        #expect(MMLUQuestionBank.grouped(0) == "0")
        #expect(MMLUQuestionBank.grouped(999) == "999")
        #expect(MMLUQuestionBank.grouped(1_000) == "1,000")
        #expect(MMLUQuestionBank.grouped(15_858) == "15,858")
        #expect(MMLUQuestionBank.grouped(1_234_567) == "1,234,567")
    }

    // MARK: - Locating data

    private func makeRelease(in directory: MMLUTemporaryDirectory, under prefix: String) throws {
        try directory.write("\(prefix)data/test/anatomy_test.csv", "q1,a,b,c,d,A\nq2,a,b,c,d,B\n")
        try directory.write("\(prefix)data/dev/anatomy_dev.csv", "q0,a,b,c,d,C")
        try directory.write("\(prefix)data/test/README.txt", "not a subject")
    }

    @Test("--mmlu wins over ARENA_MMLU_DIR, which wins over the XDG directory")
    func precedence() throws {
        let temporary = try MMLUTemporaryDirectory()
        try makeRelease(in: temporary, under: "option/")
        try makeRelease(in: temporary, under: "env/")
        try makeRelease(in: temporary, under: "xdg/arena/mmlu/")
        let environment = ["ARENA_MMLU_DIR": temporary.path + "/env", "XDG_DATA_HOME": temporary.path + "/xdg", "HOME": "/nonexistent"]

        let option = try MMLUDataLocator.locate(explicitDirectory: temporary.path + "/option", environment: environment)
        #expect(option == .init(dataDirectory: temporary.path + "/option/data", origin: .option))

        let fromEnvironment = try MMLUDataLocator.locate(explicitDirectory: nil, environment: environment)
        #expect(fromEnvironment == .init(dataDirectory: temporary.path + "/env/data", origin: .environment))

        var xdgOnly = environment
        xdgOnly["ARENA_MMLU_DIR"] = ""
        let fromXDG = try MMLUDataLocator.locate(explicitDirectory: nil, environment: xdgOnly)
        #expect(fromXDG == .init(dataDirectory: temporary.path + "/xdg/arena/mmlu/data", origin: .dataHome))
    }

    @Test("the default directory follows XDG_DATA_HOME, else HOME")
    func defaultDirectory() {
        #expect(MMLUDataLocator.defaultDirectory(environment: ["XDG_DATA_HOME": "/x/share", "HOME": "/h"]) == "/x/share/arena/mmlu")
        #expect(MMLUDataLocator.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/arena/mmlu")
        #expect(MMLUDataLocator.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/share/arena/mmlu")
        #expect(MMLUDataLocator.defaultDirectory(environment: [:]) == nil)
    }

    @Test("without any data the built-in set is used and says so")
    func fallsBackToBuiltIn() throws {
        let temporary = try MMLUTemporaryDirectory()
        let bank = try MMLUQuestionBank.load(explicitDirectory: nil, environment: ["HOME": temporary.path])
        #expect(bank.source == .builtIn)
        #expect(bank.sourceDescription.hasPrefix("built-in question set ("))
    }

    @Test("an explicitly named directory without data is an error, not a silent fallback")
    func explicitDirectoryWithoutData() throws {
        let temporary = try MMLUTemporaryDirectory()
        #expect(throws: MMLUDataError.noData(directory: temporary.path, origin: "--mmlu")) {
            try MMLUQuestionBank.load(explicitDirectory: temporary.path, environment: [:])
        }
        #expect(throws: MMLUDataError.noData(directory: "/nonexistent/mmlu", origin: "ARENA_MMLU_DIR")) {
            try MMLUQuestionBank.load(explicitDirectory: nil, environment: ["ARENA_MMLU_DIR": "/nonexistent/mmlu"])
        }
    }

    @Test("split folders without question files are an error")
    func emptySplitFolders() throws {
        let temporary = try MMLUTemporaryDirectory()
        try temporary.write("data/test/notes.txt", "nothing here")
        #expect(throws: MMLUDataError.noQuestionFiles(directory: temporary.path + "/data")) {
            try MMLUQuestionBank.load(explicitDirectory: temporary.path, environment: [:])
        }
    }

    @Test("a directory loads with its path as source, ignoring unrelated files")
    func loadsDirectory() throws {
        let temporary = try MMLUTemporaryDirectory()
        try makeRelease(in: temporary, under: "")
        let bank = try MMLUQuestionBank.load(explicitDirectory: temporary.path + "/data", environment: [:])
        #expect(bank.source == .directory(temporary.path + "/data"))
        #expect(bank.sourceDescription == "MMLU data at \(temporary.path)/data (3 questions in 1 subject)")
        #expect(bank.questions().map(\.question) == ["q0", "q1", "q2"])
    }

    @Test("a malformed file in a directory reports its path and line")
    func malformedFileInDirectory() throws {
        let temporary = try MMLUTemporaryDirectory()
        try makeRelease(in: temporary, under: "")
        let bad = try temporary.write("data/val/anatomy_val.csv", "q,a,b,c,d,A\nq,a,b,c,d,A\n\"q\n,a,b,c,d,A\n")
        #expect(throws: MMLUDataError.unterminatedQuote(file: bad, line: 3)) {
            try MMLUQuestionBank.load(explicitDirectory: temporary.path, environment: [:])
        }
    }
}

@Suite("MMLU prompt")
struct MMLUPromptTests {
    @Test("the prompt has the question, labelled choices and the instruction, never the answer")
    func promptText() {
        let question = MMLUQuestion(
            subject: MMLUSubject("high_school_biology"), split: .test, index: 0,
            question: "In DNA, adenine pairs with which base?\n",
            choices: ["Thymine", "Guanine", "Cytosine", "Uracil"], answer: .a
        )
        #expect(MMLUPrompt.text(for: question) == """
            The following is a multiple choice question about high school biology.

            In DNA, adenine pairs with which base?

            A. Thymine
            B. Guanine
            C. Cytosine
            D. Uracil

            Answer with a single letter: A, B, C or D.
            """)
    }

    @Test("no built-in prompt gives the answer away")
    func noAnswerInPrompt() {
        for question in MMLUBuiltInQuestions.all {
            let prompt = MMLUPrompt.text(for: question)
            #expect(!prompt.lowercased().contains("answer: \(question.answer.letter.lowercased())"))
            #expect(!prompt.contains("correct answer"))
        }
    }
}
