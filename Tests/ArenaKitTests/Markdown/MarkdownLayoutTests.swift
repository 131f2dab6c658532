import Foundation
import Testing
@testable import ArenaKit

/// How blocks are laid out in a column: markers hidden, hanging indents, code never
/// re-flowed, tables fitted, links with their URL, rules across; styles only from arena.
@Suite struct MarkdownLayoutTests {
    private let plain = TerminalStyle(colorEnabled: false)
    private let colour = TerminalStyle(colorEnabled: true)

    private func render(_ text: String, width: Int = 37) -> [String] {
        MarkdownLayout.render(text, width: width, style: plain)
    }

    @Test func inlineMarkersAreHiddenAndLinksShowTheirURLOnce() {
        #expect(render("Some **bold**, *italic*, `code`, ~~gone~~ and [docs](https://x.io/a).", width: 80)
                == ["Some bold, italic, code, gone and docs (https://x.io/a)."])
        #expect(render("See <https://x.io/b> or [https://x.io/c](https://x.io/c).", width: 80) == ["See https://x.io/b or https://x.io/c."])
        #expect(render("snake_case_name stays, and so does an unclosed **star", width: 80) == ["snake_case_name stays, and so does an unclosed **star"])
    }

    @Test func stylesAreArenasOwnSGRCodes() {
        let row = MarkdownLayout.render("**b** *i* `c` ~~s~~ [l](http://u)", width: 80, style: colour)[0]
        #expect(row == "\u{1B}[1mb\u{1B}[0m \u{1B}[3mi\u{1B}[0m \u{1B}[33mc\u{1B}[0m \u{1B}[9ms\u{1B}[0m \u{1B}[4ml\u{1B}[0m (http://u)")
        // Reasoning keeps its dim tone under every style.
        let dim = MarkdownLayout(width: 80, style: colour, base: [.dim]).rows(.paragraph("a **b**", indent: 0))[0].text
        #expect(dim == "\u{1B}[2ma \u{1B}[0m\u{1B}[2;1mb\u{1B}[0m")
    }

    @Test func headingsShowTheirLevel() {
        #expect(render("## Installing the tool\n#### Four ####") == ["## Installing the tool", "#### Four"])
        #expect(MarkdownLayout.render("# Title", width: 40, style: colour) == ["\u{1B}[2m# \u{1B}[0m\u{1B}[1mTitle\u{1B}[0m"])
    }

    @Test func listItemsWrapUnderTheirText() {
        #expect(render(MarkdownSamples.nested) == [
            "### Steps",
            "• First level item that is long",
            "  enough to wrap around the column at",
            "  least once or twice",
            "  ◦ Second level, also rather long so",
            "    that its hanging indent can be",
            "    seen clearly here",
            "    ▪ Third level",
            "• Back to the first level",
            "• A new list with another marker",
            "• And a third",
        ])
    }

    @Test func taskListItemsShowTheirBoxes() {
        #expect(render("- [ ] to do\n- [x] done") == ["☐ to do", "☑ done"])
    }

    @Test func codeKeepsItsIndentationAndMarksContinuedLines() {
        let code = "```swift\nfunc f() {\n\treturn \"a string long enough to need two rows\"\n}\n```"
        #expect(render(code, width: 30) == [
            "┌─ swift",
            "│ func f() {",
            "│     return \"a string long en",
            "↪ ough to need two rows\"",
            "│ }",
            "└─",
        ])
    }

    @Test func codeInsideAListItemIsIndentedWithIt() {
        let rows = render(MarkdownSamples.howTo)
        #expect(rows.contains("   ┌─ bash"))
        #expect(rows.contains("   │ tar xzf tool.tar.gz && cd tool &"))
        #expect(rows.contains("   ↪ & ./configure --prefix=/usr/loca"))
        #expect(rows.contains("│ Note: on macOS you may need sudo."))
        #expect(rows.contains(String(repeating: "─", count: 37)))
    }

    @Test func aTableIsFittedToTheColumn() {
        let table = "| Name | Kind | Speed | Notes |\n|---|---|---|---|\n| Swift | static | fast | compiled to machine code |"
        #expect(render(table, width: 60) == [
            "Name  │ Kind   │ Speed │ Notes",
            "──────┼────────┼───────┼─────────────────────────",
            "Swift │ static │ fast  │ compiled to machine code",
        ])
        let narrow = render(table, width: 37)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 37 })
        #expect(narrow == [
            "Name  │ Kind   │ Speed │ Notes",
            "──────┼────────┼───────┼─────────────",
            "Swift │ static │ fast  │ compiled to",
            "      │        │       │ machine code",
        ])
    }

    @Test func aTableThatCannotFitIsShownAsRecords() {
        let table = "| Name | Kind | Speed | Notes |\n|---|---|---|---|\n| Swift | static | fast | compiled |"
        #expect(render(table, width: 14) == [
            "• Name: Swift",
            "  Kind: static",
            "  Speed: fast",
            "  Notes: ",
            "    compiled",
        ])
    }

    /// A word is never cut inside a cell: a table whose columns cannot all be as wide as their
    /// longest words is shown as records, where the words wrap whole.
    @Test func aTableWhoseLongestWordsCannotFitIsShownAsRecordsNotCut() {
        let table = "| Name | Kind | Speed | Notes |\n|---|---|---|---|\n| Swift | static | fast | compiled |\n| Python | dynamic | slower | interpreted |"
        // 6 + 7 + 6 + 11 cells of longest words and three separators: 39.
        #expect(render(table, width: 39) == [
            "Name   │ Kind    │ Speed  │ Notes",
            "───────┼─────────┼────────┼────────────",
            "Swift  │ static  │ fast   │ compiled",
            "Python │ dynamic │ slower │ interpreted",
        ])
        let narrower = render(table, width: 38)
        #expect(narrower.first == "• Name: Swift")
        #expect(narrower.contains("  Notes: interpreted"))
        #expect(!narrower.contains { $0.contains("│") })
        // Wider words than that wrap in their cells as before, never cut.
        let wrapped = render("| A | B |\n|---|---|\n| one two three four | five six seven eight |", width: 20)
        #expect(wrapped == ["A        │ B", "─────────┼──────────", "one two  │ five six", "three    │ seven", "four     │ eight"])
    }

    @Test func aLongTableStreamsAsRecordsButShowKeepsItWhole() {
        let rows = (1...12).map { "| \($0) | x |" }.joined(separator: "\n")
        let text = "| N | V |\n|---|---|\n" + rows
        var splitter = MarkdownBlockSplitter()
        for line in text.split(separator: "\n") { splitter.feed(line: String(line)) }
        splitter.finish()
        #expect(splitter.takeBlocks().filter { if case .tableRecord = $0 { return true } else { return false } }.count == 12)
        #expect(render(text).count == 14)
    }

    @Test func modelEscapeSequencesNeverReachTheTerminal() {
        var screen = ColumnScreen(columns: 100, rows: 30, style: colour)
        _ = screen.begin(TurnHeading(names: SidePair(both: "m")))
        screen.append("**x** \u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{07} \u{1B}[2J\n", tone: .answer, side: .a)
        let output = screen.finish(now: .now)
        #expect(!output.contains("\u{1B}]"))
        #expect(!output.contains("\u{1B}[2J"))
        #expect(output.contains("␛]8;;http://evil␇link"))
    }
}
