import Testing
@testable import ArenaKit

@Suite struct ColumnWrapperTests {
    private func wrap(_ text: String, width: Int, chunkSize: Int? = nil) -> [String] {
        var wrapper = ColumnWrapper(width: width)
        if let chunkSize {
            var rest = Substring(text)
            while !rest.isEmpty {
                wrapper.append(String(rest.prefix(chunkSize)))
                rest = rest.dropFirst(chunkSize)
            }
        } else {
            wrapper.append(text)
        }
        wrapper.finish()
        return wrapper.lines.map(\.text)
    }

    @Test func wrapsAtWordBoundaries() {
        #expect(wrap("the quick brown fox jumps over the lazy dog", width: 10)
            == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test func keepsParagraphsAndBlankLines() {
        #expect(wrap("one two\n\nthree", width: 20) == ["one two", "", "three"])
    }

    @Test func keepsIndentationAtParagraphStart() {
        #expect(wrap("    let x = 1\n    let y = 2", width: 20) == ["    let x = 1", "    let y = 2"])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        #expect(wrap("abcdefghijklmnop", width: 5) == ["abcde", "fghij", "klmno", "p"])
        #expect(wrap("ab abcdefghij cd", width: 4) == ["ab", "abcd", "efgh", "ij", "cd"])
    }

    @Test func countsWideCharactersAsTwoCells() {
        #expect(wrap("日本語 日本語", width: 7) == ["日本語", "日本語"])
        #expect(wrap("日本語日本語", width: 7) == ["日本語", "日本語"])
        for line in wrap("😀😀😀😀😀 é́ 한국어한국어", width: 5) {
            #expect(DisplayWidth.of(line) <= 5)
        }
    }

    @Test func chunkBoundariesDoNotChangeTheResult() {
        let text = "Streaming text arrives in pieces of any size, split mid-word and mid-space.\n\nNew paragraph with 日本語 and emoji 👍🏽 too."
        let whole = wrap(text, width: 17)
        for size in 1...9 {
            #expect(wrap(text, width: 17, chunkSize: size) == whole)
        }
    }

    @Test func completedLinesNeverChange() {
        var wrapper = ColumnWrapper(width: 12)
        var seen: [WrappedLine] = []
        for word in "a growing answer keeps adding words one after another until done".split(separator: " ") {
            wrapper.append(String(word) + " ")
            #expect(Array(wrapper.lines.prefix(seen.count)) == seen)
            seen = wrapper.lines
        }
    }

    @Test func lineStartsAllowRewrappingTheRest() {
        let text = "alpha beta gamma delta epsilon zeta eta theta"
        var wrapper = ColumnWrapper(width: 11)
        wrapper.append(text)
        wrapper.finish()
        let start = wrapper.startOffset(ofLine: 2)
        let rest = String(decoding: Array(text.utf8)[start...], as: UTF8.self)
        #expect(rest.hasPrefix(wrapper.lines[2].text))
    }

    @Test func toneChangeStartsANewLine() {
        var wrapper = ColumnWrapper(width: 40)
        wrapper.append("thinking about it", tone: .reasoning)
        wrapper.append("The answer.", tone: .answer)
        wrapper.finish()
        #expect(wrapper.lines.map(\.text) == ["thinking about it", "The answer."])
        #expect(wrapper.lines.map(\.tone) == [.reasoning, .answer])
    }
}
