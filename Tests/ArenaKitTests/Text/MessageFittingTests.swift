import Testing
@testable import ArenaKit

@Suite struct MessageFittingTests {
    private let message = "warning: the judge scribe is one of the two models compared; judges tend to prefer their own answers"

    @Test func aLongMessageWrapsAtWordsOnATerminal() {
        let lines = WordWrap.fitted(message, width: 80).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines[1].hasPrefix("  ") && !lines[1].hasPrefix("   "))
        #expect(lines.joined(separator: " ").split(separator: " ") == message.split(separator: " "))
    }

    @Test func linesThatFitStyledTextAndPipesAreLeftAlone() {
        let table = "name      provider\necho      built-in"
        #expect(WordWrap.fitted(table, width: 80) == table)
        #expect(WordWrap.fitted(message, width: nil) == message)
        let styled = "\u{1B}[1m" + message + "\u{1B}[0m"
        #expect(WordWrap.fitted(styled, width: 80) == styled)
    }
}
