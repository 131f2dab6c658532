import Testing
@testable import ArenaKit

/// The byte-level layout of paragraphs without inline Markdown gives exactly the rows of the
/// general prose layout (text, width, resume), and steps aside where it would differ.
@Suite struct MarkdownPlainParagraphTests {
    private let texts = [
        "The quick brown fox jumps over the lazy dog, café \"quoted\" and more.\nThe quick brown fox jumps over the lazy dog.",
        "  leading   and\ttabbed   spaces, then\n\nan empty line and a line\nbreak",
        "wide 日本語の文字 and emoji 👍🏽 words mixed in with narrow ones to wrap",
        "one",
    ]

    private func general(_ layout: MarkdownLayout, _ text: String, indent: Int, from: Int) -> [MarkdownRow] {
        let pad = [MarkdownSpan(text: String(repeating: " ", count: indent), style: [])]
        return MarkdownProseLayout(width: layout.width, first: pad, rest: pad, painter: layout.painter)
            .rows(MarkdownInline.words(text), from: from)
    }

    @Test func rowsMatchTheGeneralLayout() throws {
        let styles = [(TerminalStyle(colorEnabled: false), [TerminalStyle.Tone]()), (TerminalStyle(colorEnabled: true), [.dim])]
        for (style, base) in styles {
            for width in [14, 20, 37, 80] {
                let layout = MarkdownLayout(width: width, style: style, base: base)
                for text in texts {
                    for indent in [0, 2] {
                        let full = try #require(layout.plainParagraphRows(text, indent: indent, from: 0))
                        #expect(full == general(layout, text, indent: indent, from: 0), "width \(width): \(text)")
                        // Resuming at any row gives the same rows as the general layout does.
                        for row in full.dropFirst() {
                            #expect(layout.plainParagraphRows(text, indent: indent, from: row.resume) == general(layout, text, indent: indent, from: row.resume))
                        }
                    }
                }
            }
        }
    }

    @Test func listItemRowsMatchTheGeneralLayout() throws {
        let styles = [(TerminalStyle(colorEnabled: false), [TerminalStyle.Tone]()), (TerminalStyle(colorEnabled: true), [.dim])]
        for (style, base) in styles {
            for width in [16, 20, 37, 80] {
                let layout = MarkdownLayout(width: width, style: style, base: base)
                for text in texts {
                    for (indent, marker) in [(0, "•"), (2, "◦"), (0, "12.")] {
                        let lead = MarkdownLayout.PlainLead(text: String(repeating: " ", count: indent) + marker + " ", width: indent + DisplayWidth.of(marker) + 1)
                        let hanging = MarkdownLayout.PlainLead(text: String(repeating: " ", count: lead.width), width: lead.width)
                        let general = { (from: Int) in
                            MarkdownProseLayout(width: layout.width, first: [MarkdownSpan(text: lead.text, style: [])], rest: [MarkdownSpan(text: hanging.text, style: [])], painter: layout.painter)
                                .rows(MarkdownInline.words(text), from: from)
                        }
                        let full = try #require(layout.plainListItemRows(text, first: lead, rest: hanging, from: 0))
                        #expect(full == general(0), "width \(width): \(marker) \(text)")
                        for row in full.dropFirst() {
                            #expect(layout.plainListItemRows(text, first: lead, rest: hanging, from: row.resume) == general(row.resume))
                        }
                    }
                }
            }
        }
    }

    @Test func leavesInlineSyntaxWordsTooWideAndEmptyTextToTheGeneralLayout() {
        let layout = MarkdownLayout(width: 12, style: TerminalStyle(colorEnabled: false))
        #expect(layout.plainParagraphRows("some **bold** text", indent: 0, from: 0) == nil)
        #expect(layout.plainParagraphRows("a word-too-wide-for-the-row", indent: 0, from: 0) == nil)
        #expect(layout.plainParagraphRows("   ", indent: 0, from: 0) == nil)
        #expect(layout.plainParagraphRows("resume inside a word", indent: 0, from: 2) == nil)
        #expect(layout.rows(.paragraph("a word-too-wide-for-the-row", indent: 0)).map(\.text) == ["a", "word-too-wid", "e-for-the-ro", "w"])
    }
}
