import Foundation
import Testing
@testable import ArenaKit

/// Markdown in the live columns: the open block stays live, final rows are committed once,
/// the faster column keeps still, and a resize loses and repeats nothing.
@Suite struct MarkdownColumnTests {
    private let style = TerminalStyle(colorEnabled: false)

    @Test func aLongWindowKeepsItsHeadAndMarksTheHiddenMiddle() {
        let lines = (1...10).map { WrappedLine(text: "l\($0)", width: 2) }
        let shown = ColumnScreen.window(lines, rows: 5).map { $0?.text }
        #expect(shown == ["l1", "l2", "↑ 6 more lines", "l9", "l10"])
        #expect(ColumnScreen.window(Array(lines.prefix(3)), rows: 5).map { $0?.text } == ["l1", "l2", "l3", nil, nil])
    }

    @Test func theFasterColumnDoesNotJump() {
        var screen = ColumnScreen(columns: 100, rows: 12, style: style)
        var terminal = MiniTerminal(rows: 12)
        terminal.feed(screen.begin(TurnHeading(names: SidePair(a: "fast", b: "slow"))))
        screen.append("b1\n", tone: .answer, side: .b)
        for number in 1...40 {
            screen.append("a\(number)\n", tone: .answer, side: .a)
            terminal.feed(screen.frame(now: .now))
            // The first live row stays where it is while A runs on.
            let first = terminal.screen.map { String($0) }.first { $0.hasPrefix("a") }
            #expect(first?.hasPrefix("a1 ") == true)
        }
        #expect(terminal.screen.contains { String($0).contains("more lines") })
        screen.append("\n", tone: .answer, side: .a)
        for number in 2...40 { screen.append("b\(number)\n", tone: .answer, side: .b) }
        terminal.feed(screen.finish(now: .now))
        // Every hidden line came back, in order.
        let left = terminal.allLines.compactMap { line -> String? in
            let cell = line.prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces)
            return cell.hasPrefix("a") ? cell : nil
        }
        #expect(left == (1...40).map { "a\($0)" })
    }

    @Test func rewrappingResumesWhereTheScrollbackEnds() {
        let text = "First paragraph with a good number of words that wrap over several rows of the column.\n\n"
            + "```\nlet code = \"a line of code long enough to be cut into more than one row here\"\n```\n"
            + "- an item that is also long enough to wrap at the narrower width below\n\n"
            + "> A quoted paragraph that is long enough to wrap over several rows here,\n> and a second line.\n>\n> Then a second quoted paragraph, also wrapping.\n"
        var column = MarkdownColumn(width: 30, style: style)
        column.append(text, tone: .answer)
        column.finish()
        for committed in 0...column.lines.count {
            var copy = column
            let kept = column.lines.prefix(committed).map(\.text)
            copy.rewrap(width: 22, committed: committed)
            #expect(Self.content(kept + copy.lines.map(\.text)) == Self.content(column.lines.map(\.text)), "committed \(committed)")
        }
    }

    @Test func theOpenBlockIsLiveAndOnlyFinalBlocksAreCommittable() {
        var column = MarkdownColumn(width: 40, style: style)
        column.append("| a | b |\n|---|---|\n| 1 | 2 |\n", tone: .answer)
        column.refreshPending()
        #expect(column.lines.isEmpty)
        #expect(column.pendingLines.map(\.text) == ["a │ b", "──┼──", "1 │ 2"])
        column.append("\nafter **bo", tone: .answer)
        column.refreshPending()
        #expect(column.lines.map(\.text) == ["a │ b", "──┼──", "1 │ 2"])
        #expect(column.pendingLines.map(\.text) == ["", "after **bo"])
        column.append("ld**", tone: .answer)
        column.refreshPending()
        #expect(column.pendingLines.map(\.text) == ["", "after bold"])
    }

    /// The characters of rows, without the layout's marks and spaces (where rows are cut
    /// depends on the width; what they hold must not).
    private static func content(_ rows: [String]) -> String {
        var result = ""
        for row in rows {
            var text = Substring(row)
            for mark in ["↪ ", "│ ", "┌─", "└─", "• "] where text.hasPrefix(mark) { text = text.dropFirst(mark.count) }
            result += text.filter { $0 != " " }
        }
        return result
    }
}
