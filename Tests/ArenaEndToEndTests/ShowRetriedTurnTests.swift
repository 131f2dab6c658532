import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

/// `arena show` marks the side a `/retry` of the other kept, as the live view does.
@Suite(.serialized) struct ShowRetriedTurnTests {
    /// A transcript whose turn 1 had side B asked again; A's answer ended with `finishReason`.
    private func transcript(finishReason: String) throws -> String {
        let file = TemporaryDirectory.path(prefix: "arena-show-kept-") + "/retried.jsonl"
        let lines = [
            #"{"type":"session","v":1,"ts":"2026-11-25T15:31:59.120Z","arena_version":"0.4.0"}"#,
            #"{"type":"user","v":1,"ts":"2026-11-25T15:32:10.002Z","prompt":"Capital of France?","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:11.310Z","finish_reason":"\#(finishReason)","model":"m","side":"a","status":"done","text":"Paris is","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:11.900Z","finish_reason":"stop","model":"n","side":"b","status":"done","text":"Lyon.","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:15.900Z","finish_reason":"stop","model":"n","side":"b","status":"done","text":"Paris.","turn":1}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    private func shownOnATerminal(_ file: String) throws -> String {
        let terminal = try PseudoTerminal(arguments: ["show", file], columns: 80, environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome()))
        #expect(try terminal.waitForExit() == 0)
        return terminal.text
    }

    @Test func theKeptSideIsMarked() throws {
        let file = try transcript(finishReason: "stop")
        let piped = try ArenaBinary.runPiped(["show", file], input: "")
        #expect(piped.stdout.contains("A: Paris is\nB: Paris.\nSide B was asked again (/retry b); side A kept its answer.\n"), "\(piped.stdout)\(piped.stderr)")
        #expect(!piped.stdout.contains("Lyon"))
        let shown = try shownOnATerminal(file)
        #expect(shown.contains("= kept"), "\(shown)")
        #expect(shown.contains("✓ done"), "\(shown)")
    }

    @Test func aKeptAnswerCutAtMaxTokensSaysBoth() throws {
        let file = try transcript(finishReason: "length")
        let piped = try ArenaBinary.runPiped(["show", file], input: "")
        #expect(piped.stdout.contains("A: Paris is\nA! kept · cut at max tokens\nB: Paris.\n"), "\(piped.stdout)\(piped.stderr)")
        #expect(try shownOnATerminal(file).contains("= kept · cut at max tokens"))
    }

    @Test func aTurnWithoutRetryMarksNothing() throws {
        let file = TemporaryDirectory.path(prefix: "arena-show-kept-") + "/plain.jsonl"
        let lines = [
            #"{"type":"user","v":1,"ts":"2026-11-25T15:32:10.002Z","prompt":"Hi","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:11.310Z","model":"m","side":"a","status":"done","text":"Hello","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:11.900Z","model":"n","side":"b","status":"done","text":"Hey","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:12.900Z","model":"n","side":"a","status":"done","text":"Hey","turn":1,"adopted_from":"b"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let piped = try ArenaBinary.runPiped(["show", file], input: "")
        #expect(piped.stdout.contains("A: Hey\nB: Hey\n"), "\(piped.stdout)\(piped.stderr)")
        #expect(!piped.stdout.contains("kept"))
    }
}
