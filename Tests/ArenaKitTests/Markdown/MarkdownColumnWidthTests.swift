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
