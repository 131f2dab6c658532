import ArenaTestSupport
import Foundation
import Testing

/// Markdown answers rendered in the live columns, read back from a pseudo-terminal at 80
/// columns (stacked) and 160 (side by side); `/markdown off`, `/show`, and pipes left raw.
@Suite(.serialized) struct MarkdownColumnsTests {
    /// A heading, a nested list item long enough to wrap, a fenced code block with a line
    /// longer than any column, and a four-column table.
    static let answer = [
        "## Setup guide",
        "- Install the **tool** first",
        "  - then configure the settings file carefully before running anything at all, because the defaults are not what you want here",
        "```python",
        "def main():",
        "    print(\"this line of code is much longer than any column of the terminal, so it wraps with a continuation mark\")",
        "```",
        "| Name | Kind | Speed | Notes |",
        "|------|------|-------|-------|",
        "| Swift | static | fast | compiled |",
    ]

    private func start(columns: Int) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            arguments: ["--model-a", "echo", "--model-b", "echo", "--no-record"], columns: columns, rows: 40,
            environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "0"]))
        try terminal.waitFor("arena> ")
        return terminal
    }

    /// Sends the answer as a `"""` block; `prompts` prompts were shown before.
    private func ask(_ terminal: PseudoTerminal, prompts: Int) throws {
        terminal.send("\"\"\"\r" + Self.answer.joined(separator: "\r") + "\r\"\"\"\r")
        try terminal.waitFor("✓ done", count: 2)
        try terminal.waitFor("arena> ", count: prompts + 1)
    }

    /// The output's lines as the screen shows them: each from its last carriage return (a
    /// redrawn live region starts with one), without escape sequences. Split by scalars: CR LF
    /// is one Character.
    private func lines(_ terminal: PseudoTerminal) -> [String] {
        terminal.rawText.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let shown = line.split(separator: "\r", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? Substring.UnicodeScalarView()
            return PseudoTerminal.stripEscapes(String(String.UnicodeScalarView(shown)))
        }
    }

    @Test(arguments: [80, 160])
    func aMarkdownAnswerIsRenderedInItsColumn(columns: Int) throws {
        let terminal = try start(columns: columns)
        try ask(terminal, prompts: 1)
        // Side by side, A's cell starts the row (the typed message is echoed with `... `).
        let rows = lines(terminal)
        #expect(rows.contains { $0.hasPrefix("## Setup guide") })
        #expect(rows.contains { $0.hasPrefix("• Install the tool first") })
        // The nested item wraps under its own text, four cells in.
        let nested = try #require(rows.lastIndex { $0.hasPrefix("  ◦ then configure the settings") })
        #expect(rows[nested + 1].hasPrefix("    ") && rows[nested + 1].dropFirst(4).first?.isLetter == true)
        // The code block keeps its indentation, is labelled, and wraps with a continuation mark.
        #expect(rows.contains { $0.hasPrefix("┌─ python") })
        #expect(rows.contains { $0.hasPrefix("│ def main():") })
        let long = try #require(rows.lastIndex { $0.hasPrefix("│     print(\"this line of code") })
        #expect(rows[long + 1].hasPrefix("↪ "))
        // The table is laid out in fitted columns, its delimiter row gone.
        #expect(rows.contains { $0.hasPrefix("Name  │ Kind   │ Speed │ Notes") })
        #expect(rows.contains { $0.hasPrefix("Swift │ static │ fast  │ compiled") })
        #expect(!rows.contains { $0.hasPrefix("|------|") })
        #expect(!rows.contains { $0.hasPrefix("- Install the **tool**") })
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func markdownOffShowsTheRawTextAndShowPrintsOneAnswer() throws {
        let terminal = try start(columns: 100)
        terminal.send("/markdown off\r")
        try terminal.waitFor("answers are shown as raw text")
        try ask(terminal, prompts: 2)
        #expect(lines(terminal).contains { $0.hasPrefix("- Install the **tool** first") })
        #expect(lines(terminal).contains { $0.hasPrefix("| Name | Kind | Speed | Notes |") })
        terminal.send("/markdown on\r")
        try terminal.waitFor("answers are rendered as Markdown")
        terminal.send("/show b\r")
        try terminal.waitFor("B · turn 1 of 1")
        try terminal.waitUntil("the rendered answer") { $0.contains("Swift │ static │ fast  │ compiled") }
        #expect(lines(terminal).contains { $0.hasPrefix("• Install the tool first") })
        terminal.send("/show a 3\r")
        try terminal.waitFor("/show: side A has 1 turn, not 3")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aPipeKeepsTheRawMarkdown() throws {
        let input = "/models echo echo\n\"\"\"\n" + Self.answer.joined(separator: "\n") + "\n\"\"\"\n/show a\n"
        let result = try ArenaBinary.runPiped(["--no-record"], input: input, extra: ["ARENA_PACE": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("A: - Install the **tool** first"))
        #expect(result.stdout.contains("B: |------|------|-------|-------|"))
        #expect(result.stdout.contains("A · turn 1 of 1\n## Setup guide\n- Install the **tool** first\n"))
    }
}
