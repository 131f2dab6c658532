import ArenaKit
import ArenaTestSupport
import Foundation
import Testing

/// `--json` on the batch commands, `run --models` over the script's own line, the built-in
/// models at full speed when nobody watches, progress on standard error, `/save` and `/export`
/// agreeing.
@Suite struct ShellCitizenTests {
    private let fast = ["ARENA_PACE": "0", "NO_COLOR": "1"]
    private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("transcripts/examples").path

    @Test func runModelsOverridesTheScriptsModelsLine() throws {
        let script = ArenaBinary.temporaryHome() + "/pair.arena"
        try "/models echo echo\nhello\n/models\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(["run", script, "--models", "scribe", "echo", "--no-record", "--json"], input: "", extra: fast)
        #expect(result.status == 0)
        #expect(result.stderr.contains("pair.arena:1: the script's /models line is overridden by --models scribe echo"))
        let document = try OneShotTests.json(result.stdout)
        #expect(document["failures"] as? Int == 0)
        let turns = try #require(document["turns"] as? [[String: Any]])
        #expect(turns.count == 1)
        #expect((turns[0]["a"] as? [String: Any])?["model"] as? String == "scribe")
        #expect((turns[0]["b"] as? [String: Any])?["model"] as? String == "echo")
        // The listing (`/models` alone) ran, on standard error: standard output is the document.
        #expect(result.stderr.contains("Models (A: scribe, B: echo)"))
    }

    @Test func replayJSONListsEveryTurn() throws {
        let result = try ArenaBinary.runPiped(["replay", examples + "/capitals.jsonl", "--models", "echo", "echo", "--no-record", "--json"], input: "", extra: fast)
        #expect(result.status == 0)
        let document = try OneShotTests.json(result.stdout)
        let turns = try #require(document["turns"] as? [[String: Any]])
        #expect(turns.map { $0["origin"] as? String } == ["replay", "replay", "replay"])
        #expect((turns[1]["a"] as? [String: Any])?["text"] as? String == "What is the capital of Japan?")
        let directory = try ArenaBinary.runPiped(["replay", examples, "--models", "echo", "echo", "--no-record", "--json"], input: "", extra: fast)
        let listed = try #require(try OneShotTests.json(directory.stdout)["transcripts"] as? [[String: Any]])
        #expect(listed.contains { ($0["file"] as? String)?.hasSuffix("capitals.jsonl") == true && $0["turns"] as? Int == 3 })
    }

    @Test func builtInMMLURunsAtFullSpeedWithJSON() throws {
        // ARENA_PACE asks for the interactive pace; nobody watches an MMLU run, so it is off.
        let result = try ArenaBinary.runPiped(["mmlu", "--n", "50", "--models", "echo", "scribe", "--seed", "3", "--no-record", "--json"], input: "", extra: ["ARENA_PACE": "25"])
        #expect(result.status == 0)
        let document = try OneShotTests.json(result.stdout)
        #expect(document["built_in_words_per_second"] as? Int == 0)
        #expect(document["seed"] as? String == "3")
        for side in ["a", "b"] {
            let tally = try #require(document[side] as? [String: Any])
            #expect(tally["total"] as? Int == document["questions"] as? Int)
            #expect(tally["accuracy"] is NSNumber && tally["ci95_low"] is NSNumber)
        }
    }

    @Test func modelsJSONListsTheModels() throws {
        let result = try ArenaBinary.runPiped(["models", "--json", "--all", "--check"], input: "", extra: ["ARENA_PACE": "25", "COSMOS_ENDPOINT": "https://db.documents.azure.com:443/", "COSMOS_KEY": "k"])
        #expect(result.status == 0)
        let document = try OneShotTests.json(result.stdout)
        let models = try #require(document["models"] as? [[String: Any]])
        #expect(models.compactMap { $0["name"] as? String }.contains("echo"))
        let leftOut = try #require(document["left_out"] as? [[String: Any]])
        #expect(leftOut.contains { $0["variable"] as? String == "COSMOS_ENDPOINT" })
        let checks = try #require(document["checks"] as? [[String: Any]])
        #expect(checks.contains { $0["model"] as? String == "scribe" && $0["ok"] as? Bool == true })
    }

    @Test func theProgressBarShowsRateAndETAOnATerminalsStandardError() throws {
        let terminal = try PseudoTerminal(arguments: ["mmlu", "--n", "10", "--models", "echo", "scribe", "--concurrency", "1", "--no-record"], environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome()))
        defer { terminal.close() }
        #expect(try terminal.waitForExit() == 0)
        try terminal.waitForEndOfOutput()
        let raw = terminal.rawText
        #expect(raw.contains("/20 answers · "))
        #expect(raw.contains("/s · ETA "))
        #expect(terminal.text.contains("20/20 answers in "))
    }

    @Test func saveAndExportCountTheSameTurns() throws {
        let directory = ArenaBinary.temporaryHome()
        let input = "first\n/model a scribe\nsecond\n/clear\n/save \(directory)/s.jsonl\n/export md \(directory)/s.md\n"
        let result = try ArenaBinary.runPiped(["--transcripts", directory], input: input, extra: fast)
        #expect(result.status == 0)
        #expect(result.stdout.contains("saved 2 turns to "))
        #expect(result.stdout.contains("exported 2 turns to "))
    }

    @Test func replayInTheREPLKeepsTheSessionsSystemPrompt() throws {
        let input = "/models echo echo\n/system Keep me.\n/replay \(examples)/capitals.jsonl\n/system\n"
        let result = try ArenaBinary.runPiped(["--no-record"], input: input, extra: fast)
        #expect(result.status == 0)
        #expect(result.stdout.contains("replayed 3 turns from"))
        #expect(result.stdout.hasSuffix("A: Keep me.\nB: Keep me.\n"))
    }
}
