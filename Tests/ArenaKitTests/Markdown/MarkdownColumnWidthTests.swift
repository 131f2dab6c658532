import Testing
@testable import ArenaKit

/// Whatever the nesting, no row of a Markdown column is wider than the column.
@Suite struct MarkdownColumnWidthTests {
    @Test(arguments: [false, true])
    func deepQuotesListsAndLabelsStayInsideTheColumn(colour: Bool) {
        let deepQuote = String(repeating: "> ", count: 30) + "a quote nested thirty levels deep, with words"
        let deepList = (0..<20).map { String(repeating: "  ", count: $0) + "- item \($0) with a few words" }.joined(separator: "\n")
        let label = "```" + String(repeating: "very-long-language-name-", count: 4) + "\ncode\n```"
        let style = TerminalStyle(colorEnabled: colour)
        var column = MarkdownColumn(width: 39, style: style)
        column.append([deepQuote, "", deepList, "", label].joined(separator: "\n") + "\n", tone: .answer)
        column.finish()
        #expect(!column.lines.isEmpty)
        for line in column.lines {
            #expect(line.width <= 39)
            let visible = line.text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
            #expect(DisplayWidth.of(visible) <= 39, "\(visible)")
            if !colour { #expect(!line.text.contains("\u{1B}")) }
        }
    }
}

/// A hostile line of unmatched brackets and backticks is laid out whole (each is looked up a
/// bounded distance, so the work stays linear) and nothing of it is lost.
@Suite struct MarkdownHostileInlineTests {
    @Test func unmatchedBracketsAndBackticksAreShownAsWritten() {
        let line = "``" + String(repeating: "[(", count: 7_000)
        let rows = MarkdownLayout.render(line, width: 60, style: TerminalStyle(colorEnabled: false))
        let shown = rows.joined().filter { !$0.isWhitespace }
        #expect(shown.filter { $0 == "[" }.count == 7_000)
        #expect(shown.filter { $0 == "(" }.count == 7_000)
        #expect(shown.hasPrefix("``"))
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 60 })
        let angles = MarkdownLayout.render(String(repeating: "<http://x ", count: 3_000), width: 60, style: TerminalStyle(colorEnabled: false))
        #expect(angles.joined().filter { $0 == "<" }.count == 3_000)
    }
}
