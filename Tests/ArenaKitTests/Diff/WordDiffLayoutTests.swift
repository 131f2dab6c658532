import Testing
@testable import ArenaKit

/// `/diff`'s layout: colour follows the diff's segments, never marks read back from the text.
@Suite struct WordDiffLayoutTests {
    private let red = "\u{1B}[31m", green = "\u{1B}[32m"

    @Test func anAnswersOwnBracketsAreNotTakenForMarks() {
        let segments = WordDiff.segments(from: "take x[-1] of the list, then {+ sign here", to: "take x[-1] of the array, then {+ sign here")
        let lines = WordDiffLayout.lines(segments, width: 30, style: TerminalStyle(colorEnabled: true))
        let text = lines.joined(separator: "\n")
        // Exactly one removed run (list) and one added run (array) are coloured.
        #expect(text.components(separatedBy: red).count == 2, "\(text)")
        #expect(text.components(separatedBy: green).count == 2, "\(text)")
        #expect(text.contains(red + "[-list,-]") || text.contains(red + "[-list-]"), "\(text)")
        #expect(lines.first?.hasPrefix("take x[-1] of the") == true, "\(text)")
        // Without colour the same words and marks, wrapped to the width.
        let plain = WordDiffLayout.lines(segments, width: 30, style: TerminalStyle(colorEnabled: false))
        #expect(plain.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(plain.joined(separator: " ").contains("[-list"))
    }
}
