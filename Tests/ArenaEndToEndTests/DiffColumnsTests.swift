import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

/// `/diff` in a terminal: the two answers side by side under their labels, marked, fitting the
/// width; `/diff merged` the one merged text.
@Suite(.serialized) struct DiffColumnsTests {
    /// The rows the program wrote after `line`, escapes removed, once the prompt came back for
    /// the `prompts`-th time.
    private func rowsAfter(_ line: String, in terminal: PseudoTerminal, prompts: Int) throws -> [String] {
        terminal.send(line + "\r")
        try terminal.waitFor("arena> ", count: prompts)
        let all = terminal.rawText.replacingOccurrences(of: "\u{1B}[J", with: "\n").replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n").split(separator: "\n").map { PseudoTerminal.stripEscapes(String($0)) }
        let sent = try #require(all.lastIndex { $0.contains("arena> " + line) })
        return all[(sent + 1)...].filter { !$0.hasPrefix("arena> ") }
    }

    @Test(arguments: [80, 160]) func diffShowsBothAnswersInLabelledColumns(columns: Int) throws {
        let environment = ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        let terminal = try PseudoTerminal(columns: columns, rows: 30, environment: environment)
        try terminal.waitFor("arena> ")
        _ = try rowsAfter("/models echo scribe", in: terminal, prompts: 2)
        _ = try rowsAfter("Why is the sky blue on a clear day?", in: terminal, prompts: 3)
        let shown = try rowsAfter("/diff", in: terminal, prompts: 4)
        let header = try #require(shown.first)
        #expect(header.hasPrefix("A echo (built-in)") && header.contains(" │ B scribe (built-in)"), "\(shown)")
        // A's words that B lacks are marked in the left column, B's that A lacks in the right.
        #expect(shown.dropFirst().contains { $0.components(separatedBy: " │").first?.contains("[-") == true }, "\(shown)")
        #expect(shown.dropFirst().contains { $0.components(separatedBy: " │").last?.contains("{+") == true }, "\(shown)")
        #expect(shown.count > 3)
        #expect(shown.allSatisfy { DisplayWidth.of($0) <= columns }, "\(shown)")
        #expect(shown.dropFirst().allSatisfy { $0.contains(" │") }, "\(shown)")

        let merged = try rowsAfter("/diff merged", in: terminal, prompts: 5)
        #expect(merged.first == "[-A only-] echo (built-in) · {+B only+} scribe (built-in)", "\(merged)")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aBlindBattleKeepsItsLabels() throws {
        let environment = ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        let terminal = try PseudoTerminal(columns: 100, rows: 30, environment: environment)
        try terminal.waitFor("arena> ")
        _ = try rowsAfter("/battle", in: terminal, prompts: 2)
        _ = try rowsAfter("Why is the sky blue?", in: terminal, prompts: 3)
        let header = try #require(try rowsAfter("/diff", in: terminal, prompts: 4).first)
        #expect(header.hasPrefix("A Model A") && header.hasSuffix(" │ B Model B"), "\(header)")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
