import Testing
@testable import ArenaKit

/// The layout's shortcuts for the common case give exactly the rows of its general path: code
/// lines of printable ASCII cut by bytes, table cells of plain text kept whole, headings and
/// table headers made bold without copying their words.
@Suite struct MarkdownFastPathTests {
    private let styles = [
        MarkdownPainter(style: TerminalStyle(colorEnabled: false)),
        MarkdownPainter(style: TerminalStyle(colorEnabled: true), base: [.dim]),
        MarkdownPainter(style: TerminalStyle(colorEnabled: true)),
    ]

    @Test func asciiCodeRowsMatchTheGeneralPath() {
        let lines = [
            "", "x", "let greeting = \"a line of code that is longer than the column it is shown in\"",
            "    print(greeting)", String(repeating: "abcdefghij", count: 9),
        ]
        for painter in styles {
            for width in [8, 12, 30, 39, 80] {
                for indent in [0, 3] {
                    let layout = MarkdownCodeLayout(width: width, indent: indent, painter: painter)
                    for line in lines {
                        let general = layout.generalRows(line, from: 0)
                        #expect(layout.rows(line) == general, "width \(width), indent \(indent): \(line)")
                        // Resuming at any row's start gives the same rows both ways.
                        for row in general.dropFirst() {
                            #expect(layout.rows(line, from: row.resume) == layout.generalRows(line, from: row.resume))
                        }
                    }
                }
            }
        }
    }

    @Test func plainTableCellsMatchTheGeneralPath() {
        let tables = [
            MarkdownTable(header: ["Name", "Kind", "Speed", "Notes"], rows: [["Swift", "static", "fast", "compiled"], ["Python", "dynamic", "slower", "interpreted to bytecode first"]]),
            MarkdownTable(header: ["a  b", "", "日本語"], rows: [["x\ty", "café au lait", ""], ["", "👍🏽 yes", "wide 日本語の文字 words"]]),
            MarkdownTable(header: ["**Bold** head", "plain"], rows: [["`code` cell", "a [link](https://example.com) here"]]),
        ]
        for painter in styles {
            for width in [20, 37, 60, 120] {
                let fast = MarkdownTableLayout(width: width, painter: painter)
                let general = MarkdownTableLayout(width: width, painter: painter, readsPlainCellsAsWords: true)
                for table in tables {
                    #expect(fast.rows(table) == general.rows(table), "width \(width): \(table.header)")
                    #expect(fast.rows(table, from: 2) == general.rows(table, from: 2))
                }
            }
        }
    }

    @Test func boldAddedToWordsShowsTheSameRowsAsBoldWords() {
        for painter in styles {
            let words = MarkdownInline.words("A *styled* heading with `code`, a [link](https://example.com) and ~~struck~~ words that wrap")
            let bold = words.map { word in
                var word = word
                word.spans = word.spans.map { MarkdownSpan(text: $0.text, style: $0.style.union(.bold)) }
                return word
            }
            for width in [10, 24, 80] {
                let layout = MarkdownProseLayout(width: width, first: [MarkdownSpan(text: "## ", style: .mark)], rest: [MarkdownSpan(text: "   ", style: [])], painter: painter)
                let added = layout.rows(words, adding: .bold), mapped = layout.rows(bold)
                // The same text, widths and resume points; the spaces between bold words are
                // bold too (one run rather than one a word: the same cells on screen).
                #expect(added.map { Self.withoutEscapes($0.text) } == mapped.map { Self.withoutEscapes($0.text) })
                #expect(added.map(\.width) == mapped.map(\.width))
                #expect(added.map(\.resume) == mapped.map(\.resume))
                #expect(added.allSatisfy { $0.text.utf8.count <= mapped[added.firstIndex(of: $0)!].text.utf8.count })
            }
        }
    }

    @Test func aRowOpensEachStyleOncePerRunAndClosesIt() {
        let spans = [
            MarkdownSpan(text: "  ", style: []), MarkdownSpan(text: "│ ", style: .mark), MarkdownSpan(text: "", style: .bold),
            MarkdownSpan(text: "bold", style: .bold), MarkdownSpan(text: " and", style: .bold), MarkdownSpan(text: " ", style: []),
            MarkdownSpan(text: "code", style: .code), MarkdownSpan(text: "", style: []),
        ]
        for painter in styles {
            var row = MarkdownPainter.Row(painter)
            for span in spans { row.append(span.text, style: span.style) }
            let text = row.finish()
            #expect(Self.withoutEscapes(text) == "  │ bold and code")
            let resets = text.components(separatedBy: "\u{1B}[0m").count - 1
            // Colour off: none. On: mark, bold and code runs each closed once (the unstyled runs
            // too, under a base tone).
            #expect(resets == (!painter.style.colorEnabled ? 0 : painter.base.isEmpty ? 3 : 5))
        }
    }

    private static func withoutEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
