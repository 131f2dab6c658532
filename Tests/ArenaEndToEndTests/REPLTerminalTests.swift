import ArenaTestSupport
import Foundation
import Testing

/// Drives the built `arena` binary in a pseudo-terminal, the way a person uses it.
@Suite(.serialized) struct REPLTerminalTests {
    private func start(columns: Int = 160, rows: Int = 48, pace: String = "0", home: String = ArenaBinary.temporaryHome(), extra: [String: String] = [:]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            columns: columns, rows: rows,
            environment: ArenaBinary.environment(home: home, extra: ["ARENA_PACE": pace].merging(extra) { _, new in new }))
        try terminal.waitFor("arena> ")
        return terminal
    }

    @Test func aMessageStreamsBothAnswersIntoLabelledColumns() throws {
        let terminal = try start()
        #expect(terminal.text.contains("A echo (built-in)  vs  B scribe (built-in)"))
        terminal.send("Why is the sky blue?\r")
        try terminal.waitFor("✓ done", count: 2)
        try terminal.waitFor("arena> ", count: 2)
        let text = terminal.text
        #expect(text.contains("A echo (built-in)"))
        #expect(text.contains("B scribe (built-in)"))
        #expect(text.contains("│ Here is how I would think about"))
        #expect(text.contains("Why is the sky blue?"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCMidStreamKeepsPartialAnswersAndReturnsToThePrompt() throws {
        let terminal = try start(pace: "4")
        terminal.send("Tell me a long story\r")
        try terminal.waitFor("Here is how")
        terminal.send("\u{03}")
        try terminal.waitFor("interrupted")
        try terminal.waitFor("arena> ", count: 2)
        #expect(terminal.text.contains("Here is how"))
        // The session goes on: the interrupted turn is remembered.
        terminal.send("/settings\r")
        try terminal.waitUntil("turns row") { $0.contains("turns        1") }
        try terminal.waitFor("arena> ", count: 3)
        terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func typedTextBeyondASCIIReachesTheModels() throws {
        // No locale in the environment: the program starts in "C", where libedit would drop
        // every non-ASCII key.
        let terminal = try start(extra: ["LANG": "", "LC_ALL": "", "LC_CTYPE": ""])
        terminal.send("Explain café, naïve and 日本語\r")
        try terminal.waitFor("arena> ", count: 2)
        #expect(terminal.text.contains("about “Explain café, naïve and 日本語”"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCAtAnEmptyPromptDoesNotExit() throws {
        let terminal = try start()
        terminal.send("\u{03}")
        try terminal.waitFor("^C")
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("/help swap\r")
        try terminal.waitFor("example: /swap")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aBadCommandThenAGoodOne() throws {
        let terminal = try start()
        terminal.send("/frobnicate\r")
        try terminal.waitFor("unknown command /frobnicate; type /help for the list of commands")
        terminal.send("/temp b 0.2\r")
        try terminal.waitFor("temperature on side B: 0.2")
        terminal.send("/settings\r")
        try terminal.waitUntil("settings table") { $0.contains("temperature  default          0.2") }
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func resizingWhileStreamingKeepsGoing() throws {
        let terminal = try start(columns: 120, rows: 30, pace: "30")
        terminal.send("Explain resizing\r")
        try terminal.waitFor("Here is how")
        terminal.resize(columns: 70, rows: 30)
        try terminal.waitFor("✓ done", count: 2, seconds: 60)
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func narrowTerminalsStackTheAnswers() throws {
        let terminal = try start(columns: 60, rows: 40)
        terminal.send("stacked please\r")
        try terminal.waitFor("arena> ", count: 2)
        let text = terminal.text
        let turn = try #require(text.range(of: "arena> stacked please"))
        let a = try #require(text.range(of: "A echo (built-in)\n", range: turn.upperBound..<text.endIndex))
        let b = try #require(text.range(of: "B scribe (built-in)\n", range: turn.upperBound..<text.endIndex))
        #expect(a.upperBound < b.lowerBound)
        #expect(text.contains("│ stacked please"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let home = ArenaBinary.temporaryHome()
        let first = try start(home: home)
        first.send("remember this line\r")
        try first.waitFor("arena> ", count: 2)
        first.send("/quit\r")
        #expect(try first.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: home + "/.local/state/arena/history"))

        let second = try start(home: home)
        second.send("\u{1B}[A\u{1B}[A\r")   // Up twice: past /quit to the message
        try second.waitFor("arena> ", count: 2)
        #expect(second.text.components(separatedBy: "remember this line").count >= 3)
        second.send("/quit\r")
        #expect(try second.waitForExit() == 0)
    }

    @Test func tabCompletesCommandsAndModelNames() throws {
        let terminal = try start()
        terminal.send("/sett\t\r")
        try terminal.waitFor("provider")
        terminal.send("/model b ec\t\r")
        try terminal.waitFor("B: echo (built-in)")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func pastedLinesAndTripleQuoteBlocksAreOneMessage() throws {
        let terminal = try start(extra: [:])
        terminal.send("/models echo echo\r")
        try terminal.waitFor("B: echo (built-in)")
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("\u{1B}[200~first pasted line\nsecond pasted line\u{1B}[201~")
        try terminal.waitFor("arena> ", count: 3)
        terminal.send("\"\"\"\rblock one\rblock two\r\"\"\"\r")
        try terminal.waitFor("arena> ", count: 4)
        terminal.send("/settings\r")
        try terminal.waitUntil("two turns") { $0.contains("turns        2") }
        let text = terminal.text
        #expect(text.contains("first pasted line") && text.contains("second pasted line"))
        #expect(text.contains("block two"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlRSearchesHistory() throws {
        let terminal = try start()
        terminal.send("/help clear\r")
        try terminal.waitFor("example: /clear")
        terminal.send("/settings\r")
        try terminal.waitFor("provider")
        try terminal.waitFor("arena> ", count: 3)
        terminal.send("\u{12}help cl")   // Ctrl-R, then part of an earlier line
        terminal.send("\r")
        try terminal.waitFor("example: /clear", count: 2)
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func noColorMeansNoColourCodes() throws {
        let terminal = try start(extra: ["NO_COLOR": "1"])
        terminal.send("colourless\r")
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("/frobnicate\r")
        try terminal.waitFor("unknown command")
        // No SGR sequence at all (cursor movements such as ESC [ 3 A are not colour).
        #expect(terminal.rawText.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) == nil)
        #expect(!terminal.rawText.contains("\u{1B}[1m"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
