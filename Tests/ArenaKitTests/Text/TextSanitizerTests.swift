import Testing
@testable import ArenaKit

@Suite struct TextSanitizerTests {
    @Test func plainTextPassesThroughUnchanged() {
        let text = "Hello, 世界!\n\tindented — “quoted” naïve 👍"
        #expect(TextSanitizer.sanitize(text) == text)
    }

    @Test func escapeSequencesAreShownInert() {
        let clean = TextSanitizer.sanitize("a\u{1B}[2Jb\u{1B}]0;title\u{07}c")
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(clean == "a␛[2Jb␛]0;title␇c")
    }

    @Test func osc52ClipboardAndHyperlinksAreInert() {
        let clipboard = TextSanitizer.sanitize("\u{1B}]52;c;ZXZpbA==\u{1B}\\")
        let link = TextSanitizer.sanitize("\u{1B}]8;;http://x\u{1B}\\x\u{1B}]8;;\u{1B}\\")
        for clean in [clipboard, link] {
            #expect(!clean.unicodeScalars.contains { $0.value == 0x1B })
        }
    }

    @Test func c1ControlsAndBidiOverridesAreShownAsCodes() {
        #expect(TextSanitizer.sanitize("x\u{9B}31m") == "x<U+009B>31m")
        #expect(TextSanitizer.sanitize("\u{202E}abc") == "<U+202E>abc")
        #expect(TextSanitizer.sanitize("del\u{7F}") == "del␡")
    }

    @Test func crlfBecomesLfEvenAcrossChunks() {
        var sanitizer = TextSanitizer()
        let output = sanitizer.sanitize("one\r") + sanitizer.sanitize("\ntwo\rthree") + sanitizer.finish()
        #expect(output == "one\ntwo␍three")
        var plain = TextSanitizer()
        let joined = plain.sanitize("one\r") + plain.sanitize("") + plain.sanitize("\ntwo") + plain.sanitize("\r") + plain.sanitize("x") + plain.finish()
        #expect(joined == "one\ntwo␍x")
    }

    @Test func singleLineValuesLoseNewlines() {
        #expect(TextSanitizer.sanitizeLine("a\nb\tc\u{1B}") == "a b c␛")
    }
}
