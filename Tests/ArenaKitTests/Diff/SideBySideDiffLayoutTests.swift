import ArenaTestSupport
import Testing
@testable import ArenaKit

/// `/diff`'s two aligned columns: marks without colour, every row within the width, every word
/// of each answer in its column, and the common text level after a change.
@Suite struct SideBySideDiffLayoutTests {
    private let plain = TerminalStyle(colorEnabled: false)
    private let labels = SidePair(a: "left", b: "right")

    /// The left and right cells of each row under the header, trailing spaces removed.
    private func cells(_ lines: [String], width: Int) -> [(left: String, right: String)] {
        let columnWidth = (width - SideBySideDiffLayout.gutter) / 2
        return lines.dropFirst().map { row in
            let (left, _) = row.prefix(cells: columnWidth)
            let right = String(row.dropFirst(left.count + 3))
            return (String(left.reversed().drop { $0 == " " }.reversed()), right)
        }
    }

    /// The words of a column's text with the marks taken out.
    private func words(_ column: [String]) -> [String] {
        column.joined(separator: " ")
            .replacingOccurrences(of: "[-", with: "").replacingOccurrences(of: "-]", with: "")
            .replacingOccurrences(of: "{+", with: "").replacingOccurrences(of: "+}", with: "")
            .split(whereSeparator: \.isWhitespace).map(String.init)
    }

    @Test func commonTextStartsLevelAfterAnInsertionOnOneSide() {
        let old = "The sky is blue. Light scatters in the air and the short waves win."
        let new = "The sky is blue, as anyone who has ever looked up on a clear summer day at noon will gladly tell you. Light scatters in the air and the short waves win."
        let lines = SideBySideDiffLayout.lines(WordDiff.segments(from: old, to: new), labels: labels, width: 60, style: plain)
        let rows = cells(lines, width: 60)
        let leftRow = rows.firstIndex { $0.left.hasPrefix("Light scatters") }
        let rightRow = rows.firstIndex { $0.right.hasPrefix("Light scatters") }
        #expect(leftRow != nil && leftRow == rightRow, "\(lines.joined(separator: "\n"))")
        // B's insertion takes rows A does not need: A's are left blank.
        #expect(rows[0].left == "The sky is blue.", "\(lines.joined(separator: "\n"))")
        #expect(rows[0].right.hasPrefix("The sky is blue{+, as anyone"), "\(lines.joined(separator: "\n"))")
        #expect((leftRow ?? 0) > 1 && rows[1..<(leftRow ?? 1)].allSatisfy { $0.left.isEmpty && !$0.right.isEmpty })
        #expect(rows.contains { $0.right.hasSuffix("tell you+}.") })
        // From there on both columns hold the same text, row by row.
        for row in rows[(leftRow ?? 0)...] { #expect(row.left == row.right) }
    }

    @Test func marksStandWithoutColourAndEveryRowFits() {
        let old = "Paris is the capital of France. It has about two million people.\n\nIt lies on the Seine."
        let new = "Paris is the capital and largest city of France. It has roughly two million people.\n\nIt lies on the river Seine."
        for width in [60, 61, 80, 123, 160] {
            let lines = SideBySideDiffLayout.lines(WordDiff.segments(from: old, to: new), labels: labels, width: width, style: plain)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines[0].hasPrefix("A left") && lines[0].hasSuffix(" │ B right"))
            let text = lines.joined(separator: "\n")
            #expect(!text.contains("\u{1B}"))
            let rows = cells(lines, width: width)
            // A mark may wrap with its words; each column read on holds it whole.
            let (left, right) = (rows.map(\.left).joined(separator: " "), rows.map(\.right).joined(separator: " "))
            #expect(left.contains("[-about-]") && !left.contains("{+"), "\(text)")
            #expect(right.contains("{+and largest city+}") && right.contains("{+roughly+}") && right.contains("{+river+}") && !right.contains("[-"), "\(text)")
            #expect(words(rows.map(\.left)) == old.split(whereSeparator: \.isWhitespace).map(String.init))
            #expect(words(rows.map(\.right)) == new.split(whereSeparator: \.isWhitespace).map(String.init))
            // The shared paragraph break is one blank row in both columns, level.
            let leftParagraph = rows.firstIndex { $0.left.hasPrefix("It lies") }
            #expect(leftParagraph != nil && leftParagraph == rows.firstIndex { $0.right.hasPrefix("It lies") })
            #expect(leftParagraph.map { rows[$0 - 1].left.isEmpty && rows[$0 - 1].right.isEmpty } == true)
        }
    }

    @Test func colourWrapsEachMarkedRunOnItsOwnRow() {
        let segments = WordDiff.segments(from: "one two three four five six seven", to: "one 2 three four five six seven")
        let lines = SideBySideDiffLayout.lines(segments, labels: labels, width: 60, style: TerminalStyle(colorEnabled: true))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("\u{1B}[31m[-two-]\u{1B}[0m"), "\(text)")
        #expect(text.contains("\u{1B}[32m{+2+}\u{1B}[0m"), "\(text)")
        #expect(lines.allSatisfy { DisplayWidth.of(PseudoTerminal.stripEscapes($0)) <= 60 })
    }

    @Test func wideCharactersAndLongWordsFitTheirColumn() {
        let old = "东京是日本的首都 🎉🎉🎉 " + String(repeating: "x", count: 70)
        let new = "东京是日本最大的城市 🎉🎉 " + String(repeating: "x", count: 70)
        let lines = SideBySideDiffLayout.lines(WordDiff.segments(from: old, to: new), labels: labels, width: 61, style: plain)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 61 }, "\(lines)")
        let rows = cells(lines, width: 61)
        #expect(rows.map(\.left).joined().replacingOccurrences(of: " ", with: "").contains(String(repeating: "x", count: 70)))
    }

    @Test func partOfAWordKeepsItsMarkInsideTheWord() {
        let segments = WordDiff.segments(from: "take the list, then sort it now please", to: "take the array, then sort it now please")
        let rows = cells(SideBySideDiffLayout.lines(segments, labels: labels, width: 100, style: plain), width: 100)
        #expect(rows.first?.left == "take the [-list-], then sort it now please")
        #expect(rows.first?.right == "take the {+array+}, then sort it now please")
    }

    @Test func theViewFollowsTheOutput() {
        #expect(DiffView.automatic.columnsWidth(output: 80) == 80)
        #expect(DiffView.automatic.columnsWidth(output: 59) == nil)
        #expect(DiffView.automatic.columnsWidth(output: nil) == nil)
        #expect(DiffView.columns.columnsWidth(output: nil) == DiffView.pipeWidth)
        #expect(DiffView.merged.columnsWidth(output: 200) == nil)
    }
}
