import Testing
@testable import ArenaKit

@Suite("MMLU CSV reader")
struct MMLUCSVReaderTests {
    private func fields(_ text: String) throws -> [[String]] {
        try MMLUCSVReader.records(in: text, file: "inline.csv").map(\.fields)
    }

    private func bytes(_ strings: [[String]]) -> [[[UInt8]]] {
        strings.map { $0.map { Array($0.utf8) } }
    }

    @Test("LF, CRLF and lone CR line endings, with or without a final line break")
    func lineEndings() throws {
        let expected = [["a", "b"], ["c", "d"]]
        for text in ["a,b\nc,d\n", "a,b\nc,d", "a,b\r\nc,d\r\n", "a,b\r\nc,d", "a,b\rc,d", "a,b\r\nc,d\n"] {
            #expect(bytes(try fields(text)) == bytes(expected), "\(text.debugDescription)")
        }
    }

    @Test("quoted fields keep commas, doubled quotes, LF, CRLF and CR")
    func quotedFields() throws {
        let text = "\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\",\"crlf\r\ninside\",\"cr\ronly\",\"\"\n"
        let expected = [["x, y", "say \"hi\"", "line1\nline2", "crlf\r\ninside", "cr\ronly", ""]]
        #expect(bytes(try fields(text)) == bytes(expected))
    }

    @Test("a quote inside an unquoted field is kept as is")
    func bareQuote() throws {
        #expect(bytes(try fields("Truth?\",b\n")) == bytes([["Truth?\"", "b"]]))
        #expect(bytes(try fields("5\" tall,b\n")) == bytes([["5\" tall", "b"]]))
    }

    @Test("special characters and surrounding whitespace are kept, nothing trimmed")
    func specialCharacters() throws {
        let text = " lead,trail ,\u{85}nel\u{85},\u{A0}nbsp\u{A0},\u{FEFF}bom,tab\there,\"  quoted  \"\n"
        let expected = [[" lead", "trail ", "\u{85}nel\u{85}", "\u{A0}nbsp\u{A0}", "\u{FEFF}bom", "tab\there", "  quoted  "]]
        #expect(bytes(try fields(text)) == bytes(expected))
    }

    @Test("a byte order mark at the very start of the file is dropped, elsewhere kept")
    func byteOrderMark() throws {
        #expect(bytes(try fields("\u{FEFF}a,b\n\u{FEFF}c,d")) == bytes([["a", "b"], ["\u{FEFF}c", "d"]]))
    }

    @Test("empty fields, trailing commas, empty lines and empty input")
    func emptyThings() throws {
        #expect(bytes(try fields("a,,c\n,\n")) == bytes([["a", "", "c"], ["", ""]]))
        #expect(bytes(try fields("a,b,")) == bytes([["a", "b", ""]]))
        #expect(bytes(try fields("a\n\n\r\nb\n")) == bytes([["a"], ["b"]]))
        #expect(try fields("").isEmpty)
        #expect(try fields("\n\n").isEmpty)
    }

    @Test("records know the line they start on")
    func recordLines() throws {
        let records = try MMLUCSVReader.records(in: "a\n\"b\nc\r\nd\rz\"\n\ne\r\nf", file: "x.csv")
        #expect(records.map(\.line) == [1, 2, 7, 8])
    }

    @Test("multi-byte UTF-8 in quoted and unquoted fields, and long fields")
    func unicodeAndLongFields() throws {
        let long = String(repeating: "ωx", count: 5_000)
        let text = "é,\"∀x (Wx ⊃ ~Dx)\",\(long),\"\(long)\"\"\(long)\"\n"
        #expect(bytes(try fields(text)) == bytes([["é", "∀x (Wx ⊃ ~Dx)", long, long + "\"" + long]]))
    }

    @Test("malformed input gives file:line, never a crash", arguments: [
        ("a,b\n\"open\nstill open", MMLUDataError.unterminatedQuote(file: "bad.csv", line: 2)),
        ("a\n\"x\"y,b\n", MMLUDataError.unexpectedCharacterAfterQuote(file: "bad.csv", line: 2)),
        ("\"", MMLUDataError.unterminatedQuote(file: "bad.csv", line: 1)),
        ("ok\n\"a\nb\"  ,c", MMLUDataError.unexpectedCharacterAfterQuote(file: "bad.csv", line: 3)),
    ])
    func malformed(_ input: String, _ expected: MMLUDataError) {
        #expect(throws: expected) { try MMLUCSVReader.records(in: input, file: "bad.csv") }
    }

    @Test("invalid UTF-8 is an error naming the line, in quoted and unquoted fields")
    func invalidUTF8() {
        let unquoted: [UInt8] = Array("a,b\nc,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: MMLUDataError.invalidUTF8(file: "u.csv", line: 2)) {
            try MMLUCSVReader.records(in: unquoted, file: "u.csv")
        }
        let quoted: [UInt8] = Array("a\n\"x\ny".utf8) + [0xFF] + Array("\"\n".utf8)
        #expect(throws: MMLUDataError.invalidUTF8(file: "u.csv", line: 2)) {
            try MMLUCSVReader.records(in: quoted, file: "u.csv")
        }
        let truncated: [UInt8] = Array("a,".utf8) + [0xE2, 0x82]
        #expect(throws: MMLUDataError.invalidUTF8(file: "u.csv", line: 1)) {
            try MMLUCSVReader.records(in: truncated, file: "u.csv")
        }
    }
}

@Suite("MMLU file parser")
struct MMLUFileParserTests {
    private let subject = MMLUSubject("high_school_biology")

    @Test("records become questions with index, choices and answer")
    func parsesQuestions() throws {
        let text = "\"Which, of these?\",w,x,\"y\"\"\",z,C\r\nSecond,1,2,3,4,A"
        let questions = try MMLUFileParser.questions(in: text, file: "f.csv", subject: subject, split: .val)
        #expect(questions.count == 2)
        #expect(questions[0].question == "Which, of these?")
        #expect(questions[0].choices == ["w", "x", "y\"", "z"])
        #expect(questions[0].answer == .c)
        #expect(questions[0].answerText == "y\"")
        #expect(questions[1].index == 1 && questions[1].number == 2)
        #expect(questions[1].id == "high_school_biology/val/1")
        #expect(questions[1].split == .val)
    }

    @Test("wrong field counts and bad answer letters name file and line", arguments: [
        ("q,a,b,c,d,A\nq,a,b,c,A\n", MMLUDataError.wrongFieldCount(file: "f.csv", line: 2, found: 5, expected: 6)),
        ("q,a,b,c,d,A,extra\n", MMLUDataError.wrongFieldCount(file: "f.csv", line: 1, found: 7, expected: 6)),
        ("\"multi\nline\",a,b,c,d,A\nq,a,b,c,d,E\n", MMLUDataError.invalidAnswer(file: "f.csv", line: 3, found: "E")),
        ("q,a,b,c,d,a\n", MMLUDataError.invalidAnswer(file: "f.csv", line: 1, found: "a")),
        ("q,a,b,c,d, A\n", MMLUDataError.invalidAnswer(file: "f.csv", line: 1, found: " A")),
        ("q,a,b,c,d,\n", MMLUDataError.invalidAnswer(file: "f.csv", line: 1, found: "")),
        ("q,a,b,c,d,AB\n", MMLUDataError.invalidAnswer(file: "f.csv", line: 1, found: "AB")),
    ])
    func malformedRecords(_ input: String, _ expected: MMLUDataError) {
        #expect(throws: expected) {
            try MMLUFileParser.questions(in: input, file: "f.csv", subject: subject, split: .test)
        }
    }

    @Test("error descriptions are one line naming file:line")
    func errorDescriptions() {
        #expect(MMLUDataError.unterminatedQuote(file: "data/test/x_test.csv", line: 12).description
            == "data/test/x_test.csv:12: quoted field is never closed")
        #expect(MMLUDataError.wrongFieldCount(file: "f.csv", line: 3, found: 5, expected: 6).description
            == "f.csv:3: record has 5 fields, expected 6")
        #expect(MMLUDataError.invalidAnswer(file: "f.csv", line: 4, found: "E").description
            == "f.csv:4: answer must be A, B, C or D, found \"E\"")
    }
}
