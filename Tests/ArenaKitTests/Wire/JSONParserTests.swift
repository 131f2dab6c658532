import Testing
@testable import ArenaKit

@Suite struct JSONParserTests {
    @Test func scalarsAndNesting() throws {
        let value = try JSONParser.parse(" { \"a\" : [1, -2.5, 3e2, true, false, null, \"x\"], \"b\": {\"c\": {}} , \"d\": [] } ")
        #expect(value["a"] == [1, -2.5, 300, true, false, nil, "x"])
        #expect(value["b"]?["c"] == .object(JSONObject()))
        #expect(value["d"] == .array([]))
        #expect(value["missing"] == nil)
    }

    @Test func stringEscapes() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try JSONParser.parse(#""caf\u00e9 \u2713""#) == .string("café ✓"))
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""x\ud83dy""#) == .string("x\u{FFFD}y"))
        #expect(try JSONParser.parse(#""\ude00""#) == .string("\u{FFFD}"))
        #expect(try JSONParser.parse("\"raw ✓ 😀\"") == .string("raw ✓ 😀"))
    }

    @Test func numbers() throws {
        #expect(try JSONParser.parse("0") == 0)
        #expect(try JSONParser.parse("-0.5e2") == -50)
        #expect(try JSONParser.parse("1E3") == 1000)
        #expect(try JSONParser.parse("12345678901234567").doubleValue == Double("12345678901234567"))
        #expect(try JSONParser.parse("123456789012345678901234567890").doubleValue == 1.2345678901234568e29)
        #expect(try JSONParser.parse("42").intValue == 42)
    }

    @Test func rejectsInvalidJSON() {
        for text in ["", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"unterminated", "\"tab\tinside\"", "tru", "{\"a\" 1}", "[1 2]", "1 2", "\"\\x\"", "\"\\u12\""] {
            #expect(throws: JSONParseError.self, "\(text.debugDescription)") { try JSONParser.parse(text) }
        }
    }

    @Test func rejectsExcessiveNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func writerRoundTrips() throws {
        let value: JSONValue = ["text": "line\n\"quoted\" \u{1} ✓", "n": 3, "f": 0.7, "list": [true, nil], "o": ["k": "v"]]
        let text = value.jsonText
        #expect(text.contains("\"n\":3"))
        #expect(text.contains("\"f\":0.7"))
        #expect(text.contains("\\u0001"))
        #expect(try JSONParser.parse(text) == value)
    }

    @Test func scalarTextReadsCodesOfEitherType() throws {
        #expect(try JSONParser.parse("429").scalarText == "429")
        #expect(try JSONParser.parse("\"429\"").scalarText == "429")
        #expect(try JSONParser.parse("null").scalarText == nil)
    }
}

/// Found by the fuzz targets: a number too large for a Double was read as infinity, which
/// cannot be written back as JSON.
@Suite struct JSONNumberRangeTests {
    @Test func numbersBeyondDoubleAreRefused() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse("{\"v\":11e999}") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("-1e400") }
        #expect((try? JSONParser.parse("1e308")) == .number(1e308))
    }
}
