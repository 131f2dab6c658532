import Testing
@testable import ArenaKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5),
        ("日本語", 6),
        ("한국어", 6),
        ("ｆｕｌｌ", 8),
        ("e\u{301}", 1),            // e + combining acute
        ("naïve", 5),
        ("👍", 2),
        ("👍🏽", 2),                  // skin tone modifier
        ("👨‍👩‍👧", 2),                  // ZWJ family
        ("🇫🇷", 2),                   // flag
        ("❤️", 2),                   // VS16 emoji presentation
        ("a\u{200B}b", 2),          // zero width space
        ("", 0),
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func prefixNeverSplitsAWideCharacter() {
        let (text, width) = "日本語".prefix(cells: 5)
        #expect(text == "日本")
        #expect(width == 4)
    }
}
