import Testing
@testable import ArenaKit

@Suite struct JSONScannerTests {
    /// Skips `text` as one value and returns the error, if any, as the parser would report it.
    private func scanError(_ text: String) -> JSONParseError? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw)
            do throws(JSONParseError) {
                try scanner.skipValue()
                try scanner.finish()
                return nil
            } catch {
                return error
            }
        }
    }

    private func parseError(_ text: String) -> JSONParseError? {
        do throws(JSONParseError) {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func skippingAcceptsAndRejectsWhatTheParserDoes() {
        let texts = [
            " { \"a\" : [1, -2.5, 3e2, true, false, null, \"x\"], \"b\": {\"c\": {}} , \"d\": [] } ",
            #""a\"b\\c\/d\b\f\n\r\t""#, #""caf\u00e9""#, #""\ud83d\ude00""#, #""x\ud83dy""#, #""\ud83d\uZZZZ""#,
            "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"unterminated", "\"tab\tinside\"", "tru", "{\"a\" 1}",
            "[1 2]", "1 2", "\"\\x\"", "\"\\u12\"", "\"ends in a backslash\\", "{\"a\":}", "[", "]", "nul", "{1:2}",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
            String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
        ]
        for text in texts {
            #expect(scanError(text) == parseError(text), "\(text.prefix(40).debugDescription)")
        }
    }

    @Test func stringsAreCheckedWhereverTheSpecialByteFallsInAWord() {
        for length in 0..<20 {
            for special in ["\\\"", "\\n", "\\u00e9", "\t", "\u{1}", "\"", "\\", "\\x", "é", "\u{7F}"] {
                let text = "\"" + String(repeating: "a", count: length) + special + String(repeating: "b", count: 19 - length) + "\""
                #expect(scanError(text) == parseError(text), "\(text.debugDescription)")
            }
        }
    }

    @Test func readsTheValuesAskedForAndSkipsTheRest() throws {
        let bytes = Array(#"{"skip": {"deep": [1, {"x": "y"}]}, "name": "arena", "n": 42.9, "list": ["a", 2, "b\"c"], "\u006eame": "escaped"}"#.utf8)
        var names: [String] = []
        var number: Int?
        var strings: [String?] = []
        try bytes.withUnsafeBytes { raw throws in
            var scanner = JSONScanner(bytes: raw)
            var object = try scanner.beginObject()
            while let key = try scanner.nextKey(in: &object) {
                if key == "name" {
                    if let slice = try scanner.readString() { names.append(scanner.string(slice)) }
                } else if key == "n" {
                    number = try scanner.readInt()
                } else if key == "list" {
                    var list = try scanner.beginArray()
                    while try scanner.nextElement(in: &list) {
                        strings.append(try scanner.readString().map(scanner.string))
                    }
                }
            }
            try scanner.finish()
        }
        #expect(names == ["arena", "escaped"])
        #expect(number == 42)
        #expect(strings == ["a", nil, "b\"c"])
    }
}
