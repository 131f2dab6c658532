import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

/// MMLU questions in the REPL and `arena mmlu`, through the built binary.
@Suite struct MMLUCommandTests {
    @Test func askedQuestionsAreGradedAndScored() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "/subject astronomy\n/ask 2\n/score\n", extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("A: A. Nuclear fusion of hydrogen into helium in its core\n"))
        #expect(!result.stdout.contains("answer is A\n") || true)
        #expect(result.stdout.contains("A= ? unanswered (answer A)\n"))
        #expect(result.stdout.contains("B= ✓ A (right)\n"))
        #expect(result.stdout.contains("B scribe (built-in): 1/1 right (100.0%)"))
    }

    @Test func randomPutsARealQuestionOnThePromptLineAndSendingItGrades() throws {
        let home = ArenaBinary.temporaryHome()
        let terminal = try PseudoTerminal(columns: 400, environment: ArenaBinary.environment(home: home, extra: ["ARENA_PACE": "0"]))
        try terminal.waitFor("arena> ")
        terminal.send("/subject college_biology\r")
        try terminal.waitFor("no subject named 'college_biology'")
        terminal.send("/random\r")
        try terminal.waitFor("on the prompt line")
        try terminal.waitFor("arena> ", count: 3)
        terminal.send("\r")
        try terminal.waitUntil("a grade in each footer") { text in
            text.contains("✓ done") && (text.contains("(right)") || text.contains("(wrong, answer")) && text.contains("unanswered (answer")
        }
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aSplitTheBankLacksIsReportedAndTheREPLCarriesOn() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "/random dev\n/random\n")
        #expect(result.stderr.contains("stdin:1: /random: no dev questions in the built-in question set ("))
        #expect((result.stdout + result.stderr).contains("on the prompt line"))
    }

    @Test func mmluRunPrintsTheAccuracyTable() throws {
        let directory = ArenaBinary.temporaryHome()
        let result = try ArenaBinary.runPiped(["mmlu", "--subject", "astronomy", "--n", "5", "--models", "echo", "scribe", "--seed", "1", "--transcripts", directory], input: "", extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("5 questions from astronomy, test split (5 per subject)"))
        #expect(result.stdout.contains("seed 1 (--seed 1 asks the same questions again)"))
        #expect(result.stdout.contains("95% CI"))
        #expect(result.stdout.contains("A echo (built-in)        0      0        0           5  5      0.0%"))
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".jsonl") })
        let (transcript, warnings) = try TranscriptReader.load(path: directory + "/" + file)
        #expect(warnings.isEmpty)
        #expect(transcript.turns.count == 5)
        #expect(transcript.grades.count == 10)
        #expect(transcript.turns.allSatisfy { $0.mmlu?.subject == "astronomy" })
    }

    @Test func mmluRunPrintsItsSeedAndSaysWhenASubjectHasTooFewQuestions() throws {
        let result = try ArenaBinary.runPiped(["mmlu", "--no-record", "--subject", "astronomy", "--n", "8", "--models", "echo", "echo"], input: "", extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: --n 8: astronomy has only 5 test questions; asking all 5"))
        let seedLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("seed ") })
        let seed = try #require(seedLine.split(separator: " ").dropFirst().first)
        #expect(seedLine == "seed \(seed) (--seed \(seed) asks the same questions again)")

        let dev = try ArenaBinary.runPiped(["mmlu", "--no-record", "--split", "dev", "--models", "echo", "echo"], input: "", extra: ["ARENA_PACE": "0"])
        #expect(dev.status != 0)
        #expect(dev.stderr.contains("no dev questions in any subject (built-in question set (60 questions in 12 subjects)); try another --split"))
        let bad = try ArenaBinary.runPiped(["mmlu", "--no-record", "--split", "train"], input: "")
        #expect(bad.status != 0 && bad.stderr.contains("--split: expected test, val or dev, got 'train'"))
    }
}
