import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

/// Everything around the answers fits the terminal and tells the truth (issue 15): footers,
/// `/help`, errors, status words, `/retry` of one side, questions above turns, `/diff`.
@Suite(.serialized) struct FittedOutputTests {
    private func start(columns: Int, pace: String = "0", extra: [String: String] = [:]) throws -> PseudoTerminal {
        let environment = ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": pace].merging(extra) { _, new in new })
        let terminal = try PseudoTerminal(columns: columns, rows: 30, environment: environment)
        try terminal.waitFor("arena> ")
        return terminal
    }

    /// The rows the program wrote, one per piece between line ends and erasures, escapes removed.
    private func rows(_ raw: String) -> [String] {
        raw.replacingOccurrences(of: "\u{1B}[J", with: "\n").replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n").split(separator: "\n").map { PseudoTerminal.stripEscapes(String($0)) }
    }

    private func quit(_ terminal: PseudoTerminal) throws {
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    /// Sends `line`, waits for the prompt to come back (the `prompts`-th time), and returns
    /// the rows written after the line.
    private func rowsAfter(_ line: String, in terminal: PseudoTerminal, prompts: Int) throws -> [String] {
        terminal.send(line + "\r")
        try terminal.waitFor("arena> ", count: prompts)
        let all = rows(terminal.rawText)
        let sent = try #require(all.lastIndex { $0.contains("arena> " + line) })
        return Array(all[(sent + 1)...])
    }

    /// The environment for two loopback models, `left` on side A and `right` on side B.
    private func serverModels(port: Int) -> [String: String] {
        [
            "LEFT_ENDPOINT": "http://127.0.0.1:\(port)/v1", "LEFT_KEY": "k", "LEFT_MODEL": "left",
            "RIGHT_ENDPOINT": "http://127.0.0.1:\(port)/v1", "RIGHT_KEY": "k", "RIGHT_MODEL": "right",
            "ARENA_MODEL_A": "left", "ARENA_MODEL_B": "right",
        ]
    }

    @Test(arguments: [80, 100, 160]) func footersShowOnlyWholeNumbers(columns: Int) throws {
        let figure = try Regex(#"TTFT \d+\.\d+s|\d+\.\d tok/s|~?\d+ tok|\d+\.\d+s total|\$\d+\.\d{4}"#)
        let terminal = try start(columns: columns, pace: "300")
        terminal.send("Why is the sky blue?\r")
        try terminal.waitFor("✓ done", count: 2, seconds: 60)
        try terminal.waitFor("arena> ", count: 2)
        var footers = 0
        for row in rows(terminal.rawText) where row.contains(" · ") && (row.contains("✓ done") || row.contains("● streaming")) {
            #expect(DisplayWidth.of(row) <= columns, "\(row)")
            for cell in row.components(separatedBy: " │ ") {
                let parts = cell.trimmingCharacters(in: .whitespaces).components(separatedBy: " · ")
                for part in parts.dropFirst() {
                    #expect(part.wholeMatch(of: figure) != nil, "a cut figure '\(part)' in \(row)")
                }
                footers += 1
            }
        }
        #expect(footers >= 2)
        try quit(terminal)
    }

    @Test func helpAt80ColumnsBreaksNoWord() throws {
        let unwrapped = try ArenaBinary.runPiped(["--no-record"], input: "/help\n/help ask\n").stdout
        let words = Set(unwrapped.split(whereSeparator: \.isWhitespace).map(String.init))
        let terminal = try start(columns: 80)
        terminal.send("/help\r")
        try terminal.waitFor("shows an example.")
        terminal.send("/help ask\r")
        try terminal.waitFor("example: /ask")
        try terminal.waitFor("arena> ", count: 3)
        let shown = rows(terminal.rawText).filter { !$0.hasPrefix("arena> ") && !$0.hasPrefix("arena 0") && !$0.hasPrefix("Type a message to ask both, /help") }
        #expect(shown.count > 20)
        for row in shown {
            #expect(DisplayWidth.of(row) <= 80, "\(row)")
            for word in row.split(whereSeparator: \.isWhitespace) {
                #expect(words.contains(String(word)), "'\(word)' is not a word of the help: \(row)")
            }
        }
        try quit(terminal)
    }

    /// swift-argument-parser wraps help at `COLUMNS`; our discussions have no hard line breaks
    /// and the long usage lines are written short. (`chat --help` is not checked yet.)
    @Test(arguments: [[], ["run"], ["replay"], ["show"], ["export"], ["mmlu"], ["leaderboard"], ["judge"], ["models"], ["chat"]])
    func commandLineHelpFits80Columns(command: [String]) throws {
        let help = try ArenaBinary.runPiped(command + ["--help"], input: "", extra: ["COLUMNS": "80"])
        #expect(help.stdout.contains("USAGE:"))
        for line in help.stdout.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 80, "\(line)")
        }
    }

    @Test func anAnswerCutAtMaxTokensSaysSo() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["left", "right"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.answer(TestAnswer(text: ["Cut", " short"], finishReason: "length")), forModel: "left")
        server.setBehaviour(.answer(.words("Complete answer.")), forModel: "right")
        let terminal = try start(columns: 80, extra: serverModels(port: port))
        terminal.send("hello\r")
        try terminal.waitFor("arena> ", count: 2)
        #expect(terminal.text.contains("⚠ cut at max tokens"))
        #expect(terminal.text.contains("✓ done"))
        try quit(terminal)

        let piped = try ArenaBinary.runPiped(["--no-record"], input: "hello\n", extra: serverModels(port: port))
        #expect(piped.stdout.contains("A: Cut short\nA! cut at max tokens\nB: Complete answer.\n"), "\(piped.stdout)")

        server.setBehaviour(.contentFilterFinish(TestAnswer(text: ["Part"])), forModel: "left")
        let filtered = try ArenaBinary.runPiped(["--no-record"], input: "hello\n", extra: serverModels(port: port))
        #expect(filtered.stdout.contains("A: Part\nA! stopped by content filter\n"), "\(filtered.stdout)")
    }

    @Test func showSaysHowRecordedAnswersEnded() throws {
        let file = TemporaryDirectory.path(prefix: "arena-show-") + "/cut.jsonl"
        let lines = [
            #"{"type":"session","v":1,"ts":"2026-11-25T15:31:59.120Z","arena_version":"0.4.0"}"#,
            #"{"type":"user","v":1,"ts":"2026-11-25T15:32:10.002Z","prompt":"Capital of France?","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:11.310Z","finish_reason":"length","model":"m","side":"a","status":"done","text":"Paris is","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T15:32:11.900Z","finish_reason":"stop","model":"n","side":"b","status":"done","text":"Paris.","turn":1}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let shown = try ArenaBinary.runPiped(["show", file], input: "")
        #expect(shown.stdout.contains("A: Paris is\nA! cut at max tokens\nB: Paris.\n"), "\(shown.stdout)\(shown.stderr)")
        let terminal = try PseudoTerminal(arguments: ["show", file], columns: 80, environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome()))
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.text.contains("⚠ cut at max tokens"), "\(terminal.text)")
    }

    @Test func anErrorIsShownOnceWhole() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["left", "right"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let message = "The parameter max_completion_tokens is not supported with this model; use max_tokens instead and try again zebra-end"
        server.setBehaviour(.httpError(status: 400, body: #"{"error": {"code": "400", "message": "\#(message)"}}"#), forModel: "left")
        server.setBehaviour(.answer(.words("Fine.")), forModel: "right")
        let terminal = try start(columns: 80, extra: serverModels(port: port))
        terminal.send("hello\r")
        try terminal.waitFor("arena> ", count: 2)
        let text = terminal.text
        // The whole message is in the column; the footer only says "error" (the live region
        // is redrawn, so the stream may hold the column's rows more than once).
        #expect(text.contains("zebra-end"))
        #expect(text.contains("✗ left: HTTP 400: The parameter"))
        #expect(!text.contains("400 400"))
        let footers = rows(terminal.rawText).filter { $0.contains("✗ error") }
        #expect(!footers.isEmpty)
        #expect(footers.allSatisfy { !$0.contains("HTTP") && !$0.contains("zebra") })
        try quit(terminal)
    }

    @Test func retryOfOneSideKeepsTheOther() throws {
        let terminal = try start(columns: 100)
        _ = try rowsAfter("keep this answer", in: terminal, prompts: 2)
        let after = try rowsAfter("/retry b", in: terminal, prompts: 3)
        #expect(after.contains { $0.hasPrefix("› keep this answer") })
        #expect(after.contains { $0.hasPrefix("keep this answer ") && $0.contains(" │ ") })
        #expect(after.contains { $0.hasPrefix("= kept") })
        try quit(terminal)
    }

    @Test func askShowsTheQuestionAndItsChoices() throws {
        let terminal = try start(columns: 80)
        _ = try rowsAfter("/subject astronomy", in: terminal, prompts: 2)
        let shown = try rowsAfter("/ask 2", in: terminal, prompts: 3)
        let question = try #require(shown.firstIndex { $0.hasPrefix("› ") })
        let header = try #require(shown.firstIndex { $0.hasPrefix("A echo (built-in)") })
        #expect(question < header)
        #expect(shown[question..<header].contains { $0.contains("A. Nuclear fusion") })
        try quit(terminal)
    }

    @Test func aPipeRunSeparatesItsTurns() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "/models echo echo\nfirst\nsecond\n/retry a\n", extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("── turn 1 ──\nQ: first\nA: first\nB: first\n── turn 2 ──\nQ: second\nA: second\nB: second\n── turn 2 · retry ──\nQ: second\nA: second\n"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("Q: second\nA: second\n"))
    }

    @Test func diffMarksWordsAndFitsTheWidth() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["left", "right"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let shared = Array(repeating: "and the light scatters across the whole of the sky", count: 6).joined(separator: " ")
        server.setBehaviour(.answer(.words("The sky is blue " + shared)), forModel: "left")
        server.setBehaviour(.answer(.words("The sky looks blue " + shared)), forModel: "right")
        let terminal = try start(columns: 80, extra: serverModels(port: port).merging(["NO_COLOR": "1"]) { _, new in new })
        terminal.send("why\r")
        try terminal.waitFor("arena> ", count: 2)
        let shown = try rowsAfter("/diff merged", in: terminal, prompts: 3).filter { !$0.hasPrefix("arena> ") }
        #expect(shown.first == "[-A only-] left · {+B only+} right")
        #expect(shown.contains { $0.hasPrefix("The sky [-is-]{+looks+} blue and the light") })
        #expect(shown.count >= 4)
        #expect(shown.allSatisfy { DisplayWidth.of($0) <= 80 })
        try quit(terminal)
    }
}
