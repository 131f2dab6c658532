import Foundation
import Testing
@testable import ArenaKit

/// Transcripts, replays and scripts, through the built binary.
@Suite struct TranscriptCommandTests {
    private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("transcripts/examples").path

    private func transcripts(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { directory + "/" + $0 }
    }

    @Test func aSessionIsRecordedAndReplaysAgainstOtherModels() throws {
        let directory = ArenaBinary.temporaryHome()
        let session = try ArenaBinary.runPiped(["--transcripts", directory], input: "/system Be brief.\nfirst\n/temp b 0.5\nsecond\n", extra: ["ARENA_PACE": "0"])
        #expect(session.status == 0)
        let recorded = try #require(try transcripts(in: directory).first)
        let attributes = try FileManager.default.attributesOfItem(atPath: recorded)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let replay = try ArenaBinary.runPiped(["replay", recorded, "--models", "scribe", "echo", "--transcripts", directory], input: "", extra: ["ARENA_PACE": "0"])
        #expect(replay.status == 0)
        #expect(replay.stdout.contains("B: first\n") && replay.stdout.contains("B: second\n"))
        #expect(replay.stderr.contains("2 turns replayed"))
        let files = try transcripts(in: directory)
        #expect(files.count == 2)
        let replayed = try TranscriptReader.load(path: try #require(files.first { $0 != recorded })).transcript
        #expect(replayed.turns.map(\.prompt) == ["first", "second"])
        #expect(replayed.turns.map { $0.models.a.name } == ["scribe", "scribe"])
        #expect(replayed.turns[1].settings.b.temperature == 0.5)
        #expect(replayed.turns[0].settings.a.systemPrompt == "Be brief.")
    }

    @Test func replayAgainstKeepsTheRecordedSideAsAColumn() throws {
        let directory = ArenaBinary.temporaryHome()
        let replay = try ArenaBinary.runPiped(["replay", examples + "/capitals.jsonl", "--against", "b", "--models", "echo", "--transcripts", directory], input: "", extra: ["ARENA_PACE": "0"])
        #expect(replay.status == 0)
        let original = try TranscriptReader.load(path: examples + "/capitals.jsonl").transcript
        let replayed = try TranscriptReader.load(path: try #require(try transcripts(in: directory).first)).transcript
        #expect(replayed.turns.count == original.turns.count)
        for (old, new) in zip(original.turns, replayed.turns) {
            #expect(new.answer(.b).text == old.answer(.b).text)
            #expect(new.answer(.a).text == old.prompt)
        }
        let bad = try ArenaBinary.runPiped(["replay", examples + "/capitals.jsonl", "--against", "b", "--models", "echo", "scribe", "--no-record"], input: "")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("name one model for side A, got 2"))
    }

    @Test func aFailingAssertionNamesItsLineAndExitsNonZero() throws {
        let result = try ArenaBinary.runPiped(["run", examples + "/failing.arena", "--no-record"], input: "", extra: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failing.arena:6: expectation failed: side A (echo) does not contain \"Goodbye\""))
        let smoke = try ArenaBinary.runPiped(["run", examples + "/smoke.arena", "--no-record"], input: "")
        #expect(smoke.status == 0)
        #expect(smoke.stderr == "")
    }

    @Test func badScriptLinesAreReportedWithFileAndLine() throws {
        let script = ArenaBinary.temporaryHome() + "/bad.arena"
        try "/models echo echo\n/temp hot\nhello\n/expect c contains x\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(["run", script, "--no-record"], input: "", extra: ["NO_COLOR": "1", "ARENA_PACE": "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.arena:4:"))
    }

    @Test func killDashNineMidAnswerLosesNoCompletedTurn() throws {
        let directory = ArenaBinary.temporaryHome()
        let script = directory + "/slow.arena"
        try "/models echo echo\nfirst question\n\"\"\"\nsecond question starts\nand this line streams slowly because it has very many words in it to be written out one by one\n\"\"\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        let running = try PipedProcess(["run", script, "--transcripts", directory, "--pace", "5"], environment: ArenaBinary.environment(home: directory))
        try running.waitFor("A: second question starts\n")
        running.kill9()

        let file = try #require(try transcripts(in: directory).first)
        let (loaded, _) = try TranscriptReader.load(path: file)
        let first = try #require(loaded.turns.first)
        #expect(first.prompt == "first question")
        #expect(first.answer(.a).text == "first question" && first.answer(.b).text == "first question")
        #expect(first.answer(.a).status == .done)
        #expect(loaded.turns.count == 2)
        #expect(loaded.turns[1].answers.a == nil)
    }

    @Test func saveThenLoadContinuesTheConversation() throws {
        let directory = ArenaBinary.temporaryHome()
        let saved = directory + "/saved.jsonl"
        let first = try ArenaBinary.runPiped(["--no-record"], input: "/models echo scribe\n/seed b 7\nhello\n/save \(saved)\n", extra: ["ARENA_PACE": "0"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("saved 1 turn to \(saved)"))
        let second = try ArenaBinary.runPiped(["--transcripts", directory], input: "/load \(saved)\n/settings\nagain\n", extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("loaded 1 turn from \(saved)"))
        #expect(second.stdout.contains("seed         default          7"))
        #expect(second.stdout.contains("turns        1                1"))
        #expect(second.stdout.contains("(turn 2)"))
        let continued = try TranscriptReader.load(path: try #require(try transcripts(in: directory).first { !$0.hasSuffix("saved.jsonl") })).transcript
        #expect(continued.source == saved)
        #expect(continued.turns.map(\.prompt) == ["hello", "again"])
    }

    @Test func showAndExportTheExampleTranscript() throws {
        let shown = try ArenaBinary.runPiped(["show", examples + "/capitals.jsonl"], input: "")
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("> What is the capital of France?\nA: What is the capital of France?\n"))
        #expect(!shown.stdout.contains("\u{1B}"))
        let html = try ArenaBinary.runPiped(["export", "--html", examples + "/capitals.jsonl"], input: "")
        #expect(html.status == 0 && html.stdout.contains("<html") && html.stdout.contains("Osaka"))
        let markdown = try ArenaBinary.runPiped(["export", "--markdown", examples + "/capitals.jsonl"], input: "")
        #expect(markdown.stdout.contains("What is the capital of Japan?"))
        let missing = try ArenaBinary.runPiped(["show", "/nonexistent.jsonl"], input: "")
        #expect(missing.status != 0 && missing.stderr.contains("/nonexistent.jsonl"))
    }

    @Test func replayInsideTheREPL() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "/models echo echo\n/replay \(examples)/capitals.jsonl\n/settings\n", extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("A: What is the capital of Japan?\n"))
        #expect(result.stdout.contains("replayed 3 turns from"))
        let lines = result.stdout.split(separator: "\n")
        // The transcript's temperature (0.2) applied while replaying; the session's own
        // settings are back afterwards.
        #expect(lines.contains { $0.split(separator: " ") == ["temperature", "default", "default"] })
        #expect(lines.contains { $0.hasPrefix("turns ") && $0.split(separator: " ") == ["turns", "1", "1"] })
    }
}
