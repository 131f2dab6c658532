import ArenaTestSupport
import Foundation
import Testing

/// `arena "PROMPT"`: one prompt asked once, from the command line and from a pipe.
@Suite struct OneShotTests {
    private let fast = ["ARENA_PACE": "0", "NO_COLOR": "1"]

    /// The JSON document a run printed, as Foundation objects.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aPromptArgumentAsksBothOnceInAPipe() throws {
        let result = try ArenaBinary.runPiped(["Why is the sky blue?", "--no-record"], input: "", extra: fast)
        #expect(result.status == 0)
        #expect(result.stdout.contains("A: Why is the sky blue?\n"))
        #expect(result.stdout.contains("B: "))
        #expect(!result.stdout.contains("arena>"))
    }

    @Test func pipedTextJoinsTheArgumentAsOnePrompt() throws {
        let result = try ArenaBinary.runPiped(["Summarise this", "-m", "echo", "-m", "echo", "--no-record", "--json"], input: "line one\n/quit\n", extra: fast)
        #expect(result.status == 0)
        let document = try Self.json(result.stdout)
        // One turn whose prompt is the argument, a blank line, then the piped text; a line
        // starting with / is text here, never a command.
        #expect(document["prompt"] as? String == "Summarise this\n\nline one\n/quit")
        let a = try #require(document["a"] as? [String: Any])
        #expect(a["text"] as? String == "Summarise this\n\nline one\n/quit")
        #expect(document["turn"] as? Int == 1)
    }

    @Test func withoutAPromptPipedLinesKeepTheirMeaning() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "first\n/settings\nsecond\n", extra: fast)
        #expect(result.status == 0)
        #expect(result.stdout.contains("A: first\n") && result.stdout.contains("A: second\n"))
        #expect(result.stdout.contains("temperature"))
    }

    @Test func jsonCarriesStatusUsageTimingsAndTheTranscript() throws {
        let directory = ArenaBinary.temporaryHome()
        let result = try ArenaBinary.runPiped(["2+2?", "--models", "echo", "scribe", "-s", "Be brief.", "--json", "--transcripts", directory], input: "", extra: ["ARENA_PACE": "25"])
        #expect(result.status == 0)
        let document = try Self.json(result.stdout)
        #expect(Set(document.keys) == ["turn", "prompt", "origin", "a", "b", "transcript"])
        for side in ["a", "b"] {
            let answer = try #require(document[side] as? [String: Any])
            #expect(Set(answer.keys) == ["model", "status", "error", "finish_reason", "text", "reasoning", "usage", "time_to_first_token_s", "duration_s", "cost_usd", "grade"])
            #expect(answer["status"] as? String == "done")
            #expect(answer["error"] is NSNull)
            #expect(answer["duration_s"] is NSNumber)
        }
        #expect((document["a"] as? [String: Any])?["model"] as? String == "echo")
        #expect((document["b"] as? [String: Any])?["model"] as? String == "scribe")
        let transcript = try #require(document["transcript"] as? String)
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.contains("Be brief.") && recorded.contains("2+2?"))
    }

    @Test func aFailedSideIsOneMessageAndANonZeroStatus() throws {
        let environment = fast.merging(["DEAD_ENDPOINT": "http://127.0.0.1:9/v1", "DEAD_MODEL": "x"]) { a, _ in a }
        let result = try ArenaBinary.runPiped(["hello", "-m", "echo", "-m", "dead", "--no-record"], input: "", extra: environment)
        #expect(result.status == 1)
        #expect(result.stdout.contains("A: hello\n"))
        #expect(result.stderr.contains("side B (dead) failed"))
        #expect(result.stderr.components(separatedBy: "side B").count == 2)
    }

    @Test func subcommandNamesStaySubcommandsAndChatAsksThem() throws {
        let asked = try ArenaBinary.runPiped(["chat", "run", "--no-record", "--json"], input: "", extra: fast)
        #expect(asked.status == 0)
        #expect(try Self.json(asked.stdout)["prompt"] as? String == "run")
        let terminated = try ArenaBinary.runPiped(["--no-record", "--json", "--", "run"], input: "", extra: fast)
        #expect(try Self.json(terminated.stdout)["prompt"] as? String == "run")
        let quoted = try ArenaBinary.runPiped(["run the tests", "--no-record", "--json"], input: "", extra: fast)
        #expect(try Self.json(quoted.stdout)["prompt"] as? String == "run the tests")
        let subcommand = try ArenaBinary.runPiped(["run"], input: "", extra: fast)
        #expect(subcommand.status != 0 && subcommand.stderr.contains("file.arena"))
    }

    @Test func jsonNeedsAPrompt() throws {
        let result = try ArenaBinary.runPiped(["--json"], input: "", extra: fast)
        #expect(result.status != 0 && result.stderr.contains("--json needs a PROMPT"))
        let blind = try ArenaBinary.runPiped(["hello", "--blind"], input: "", extra: fast)
        #expect(blind.status != 0 && blind.stderr.contains("--blind is for the REPL"))
    }

    @Test func onATerminalTheAnswersAreColumnsAndArenaExits() throws {
        let terminal = try PseudoTerminal(arguments: ["Why is the sky blue?", "--no-record", "--models", "echo", "scribe"], environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "0"]))
        defer { terminal.close() }
        #expect(try terminal.waitForExit() == 0)
        try terminal.waitForEndOfOutput()
        let text = terminal.text
        #expect(text.contains("A echo (built-in)") && text.contains("B scribe (built-in)"))
        #expect(text.components(separatedBy: "✓ done").count - 1 == 2)
        #expect(!text.contains("arena>"))
    }

    @Test func ctrlCStopsTheAnswersAndExitsWith130() throws {
        let terminal = try PseudoTerminal(arguments: ["Tell me a long story", "--no-record"], environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "4"]))
        defer { terminal.close() }
        try terminal.waitFor("Here is how")
        terminal.send("\u{03}")
        #expect(try terminal.waitForExit() == 130)
        try terminal.waitForEndOfOutput()
        #expect(terminal.text.contains("interrupted"))
    }
}
