import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

/// A side kept by `/retry` of the other says so, with how its answer ended, live and in a pipe.
@Suite(.serialized) struct KeptAnswerTests {
    /// Side A's echo is cut at two words; side B is asked again.
    private let session = "/models echo echo\n/max-tokens a 2\none two three four\n/retry b\n"

    @Test func aPipeSaysTheKeptAnswerWasCut() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: session, extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("A! cut at max tokens\nB: one two three four\n── turn 1 · retry ──\nQ: one two three four\nA! kept · cut at max tokens\nB: one two three four\n"), "\(result.stdout)")
    }

    @Test func theLiveFooterSaysTheKeptAnswerWasCut() throws {
        let environment = ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "0"])
        let terminal = try PseudoTerminal(columns: 100, rows: 30, environment: environment)
        try terminal.waitFor("arena> ")
        for (index, line) in session.split(separator: "\n").enumerated() {
            terminal.send(line + "\r")
            try terminal.waitFor("arena> ", count: index + 2)
        }
        #expect(terminal.text.contains("= kept · cut at max tokens"), "\(terminal.text)")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
