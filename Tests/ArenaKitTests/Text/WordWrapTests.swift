import Testing
@testable import ArenaKit

@Suite struct WordWrapTests {
    private let text = "Put a random question of the chosen subject to both models, graded when they answer; naïve café 日本語 words too."

    @Test func linesFitAndNoWordIsBroken() {
        let words = Set(text.split(separator: " ").map(String.init))
        for width in 24...90 {
            let lines = WordWrap.wrap(text, width: width, firstPrefix: "  /mmlu ask  ", indent: 13)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
            }
            let shown = lines.joined(separator: " ").dropFirst("  /mmlu ask  ".count).split(separator: " ").map(String.init)
            #expect(shown.allSatisfy(words.contains), "width \(width)")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 13)) })
        }
    }

    @Test func aWordWiderThanTheLineIsTheOnlyOneBroken() {
        let lines = WordWrap.wrap("a https://example.com/a/very/long/path b", width: 10)
        #expect(lines == ["a", "https://ex", "ample.com/", "a/very/lon", "g/path b"])
    }

    @Test func aRowWithALongLeadPutsItsTextUnderneath() {
        let row = WordWrap.row("  a-very-long-model-name-indeed  ", "openai · localhost · served", width: 40)
        #expect(row == "  a-very-long-model-name-indeed\n      openai · localhost · served")
        #expect(WordWrap.row("  name  ", "one two three", width: nil) == "  name  one two three")
    }

    @Test func shortenedEndsAtAWord() {
        #expect(WordWrap.shortened("retrying in 12s (attempt 2)", toCells: 17) == "retrying in 12s…")
        #expect(WordWrap.shortened("short", toCells: 10) == "short")
    }
}
