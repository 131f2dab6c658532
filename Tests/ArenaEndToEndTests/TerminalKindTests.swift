import ArenaTestSupport
import Foundation
import Testing

/// What kind of output a terminal gets: `TERM=dumb` the plain lines a pipe gets (no cursor
/// movement, no colour); `FORCE_COLOR` / `CLICOLOR_FORCE` colour even into a pipe.
@Suite struct TerminalKindTests {
    @Test func aDumbTerminalGetsPlainLabelledLines() throws {
        let terminal = try PseudoTerminal(environment: ArenaBinary.environment(
            home: ArenaBinary.temporaryHome(), extra: ["TERM": "dumb", "ARENA_PACE": "0"]))
        try terminal.waitFor("arena> ")
        terminal.send("hello\r")
        try terminal.waitFor("B: In short: decide what you value")
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
        let text = terminal.rawText
        let start = try #require(text.range(of: "A: hello"))
        // The answers were written as lines: no column frame, no colour, no cursor movement.
        let answers = String(text[start.lowerBound...])
        #expect(!answers.contains("│"))
        for escape in ["\u{1B}[A", "\u{1B}[K", "\u{1B}[3", "\u{1B}[1;", "\u{1B}[2K"] {
            #expect(!answers.contains(escape), "\(escape.debugDescription)")
        }
    }

    @Test(arguments: ["FORCE_COLOR", "CLICOLOR_FORCE"])
    func forcedColourReachesAPipe(variable: String) throws {
        let forced = try ArenaBinary.runPiped(input: "/nonsense\n", extra: [variable: "1"])
        #expect(forced.stderr.contains("\u{1B}[31m"), "\(forced.stderr.debugDescription)")
        let plain = try ArenaBinary.runPiped(input: "/nonsense\n", extra: [variable: "1", "NO_COLOR": "1"])
        #expect(!plain.stderr.contains("\u{1B}"))
        #expect(!plain.stderr.isEmpty)
    }
}
