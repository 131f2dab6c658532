import Foundation
import Testing

/// arena with its input and output on pipes: plain labelled text, no escape codes, exact.
@Suite struct PipeModeTests {
    @Test func helloGivesBothLabelledAnswersExactly() throws {
        let result = try ArenaBinary.runPiped(input: "hello\n/quit\n", extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(!result.stdout.contains("\u{1B}"))
        let expected = """
            ── turn 1 ──
            Q: hello
            A: hello
            B: Here is how I would think about “hello” (turn 1).
            B:
            B: Third, watch for the shape of the mistakes. A model that fails gracefully (it says what it does not know, or asks for the missing detail) is easier to work with than one that fills every gap with something plausible.
            B:
            B: Formatting is part of the answer. Lists, code blocks and short paragraphs make an answer usable at a glance; a wall of text forces the reader to do the model's editing for it.
            B:
            B: Multilingual prompts are a useful stress test as well — for example “日本語で説明してください” — because weaker models often switch languages mid-answer or drop accents such as naïve, café and résumé.
            B:
            B: In short: decide what you value, test for it directly, and let the transcript keep score.

            """
        #expect(result.stdout == expected)
    }

    @Test func theSameInputAlwaysGivesTheSameOutput() throws {
        let input = "/models scribe echo\nfirst question\n\"\"\"\nline one\nline two\n\"\"\"\n/retry b\n"
        let first = try ArenaBinary.runPiped(input: input, extra: ["ARENA_PACE": "200"])
        let second = try ArenaBinary.runPiped(input: input, extra: ["ARENA_PACE": "0"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("B: line one\nB: line two\n"))
    }

    /// Issue 11: `/retry` after `/model b NAME` crashed the session (a forced unwrap).
    @Test func retryAfterChangingOneSidesModelAsksItTheLastQuestion() throws {
        let input = "first\n/model b echo\n/retry\n/retry b\n/model a scribe\n/retry a\nafter\n"
        let result = try ArenaBinary.runPiped(input: input, extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        // /retry asks both: A again after its history, B (now echo) the last question afresh;
        // /retry b asks B alone; then A starts afresh on scribe and is asked the question too.
        #expect(result.stdout.components(separatedBy: "B: first\n").count == 3)
        #expect(result.stdout.contains("A: Here is how I would think about “first”"))
        #expect(result.stdout.hasSuffix("B: after\n"))
    }

    @Test func badLinesAreReportedWithTheirLineNumberAndTheRestStillRuns() throws {
        let result = try ArenaBinary.runPiped(input: "/temp 9\nhi\n/nope\n", extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == "stdin:1: /temp: expected a number from 0 to 2 or 'default', got '9'\nstdin:3: unknown command /nope; type /help for the list of commands\n")
        #expect(result.stdout.hasPrefix("── turn 1 ──\nQ: hi\nA: hi\n"))
    }

    @Test func endOfInputEndsTheSessionCleanly() throws {
        let result = try ArenaBinary.runPiped(input: "/settings\n", extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("scribe (built-in)"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func versionAndHelp() throws {
        let version = try ArenaBinary.runPiped(["--version"], input: "")
        #expect(version.stdout == "0.1.0\n")
        let unknown = try ArenaBinary.runPiped(["--model-a", "nonexistent"], input: "")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no model named 'nonexistent'"))
    }
}
