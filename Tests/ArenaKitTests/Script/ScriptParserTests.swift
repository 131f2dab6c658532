import Testing
@testable import ArenaKit

@Suite("Script parser")
struct ScriptParserTests {
    private func parse(_ text: String) throws(ScriptError) -> [ScriptItem] {
        try ScriptParser.parse(text, file: "t.arena")
    }

    @Test("every construct of the language parses, with its line")
    func everyConstruct() throws {
        let script = """
        #!/usr/bin/env -S arena run
        # choose the models
        /model a parrot

          /system b   Answer in French.  
        What is the capital of France?
        /expect both contains Paris
        \"\"\"
        Write a haiku.
          # not a comment inside a block

        /not a command either
        \"\"\"
        /expect a finished
        /expect b not-contains "  Berlin "
        /EXPECT Both MATCHES (?i)^paris\\b
        /expected-value is another command
           # an indented comment
        /vote a
        """
        let items = try parse(script)
        let expected: [ScriptItem] = [
            ScriptItem(.command("/model a parrot"), at: .init(file: "t.arena", line: 3)),
            ScriptItem(.command("/system b   Answer in French."), at: .init(file: "t.arena", line: 5)),
            ScriptItem(.message("What is the capital of France?"), at: .init(file: "t.arena", line: 6)),
            ScriptItem(.expect(.init(sides: .both, check: .contains("Paris"))), at: .init(file: "t.arena", line: 7)),
            ScriptItem(.message("Write a haiku.\n  # not a comment inside a block\n\n/not a command either"), at: .init(file: "t.arena", line: 8)),
            ScriptItem(.expect(.init(sides: .only(.a), check: .finished)), at: .init(file: "t.arena", line: 14)),
            ScriptItem(.expect(.init(sides: .only(.b), check: .notContains("  Berlin "))), at: .init(file: "t.arena", line: 15)),
            ScriptItem(.expect(.init(sides: .both, check: .matches("(?i)^paris\\b"))), at: .init(file: "t.arena", line: 16)),
            ScriptItem(.command("/expected-value is another command"), at: .init(file: "t.arena", line: 17)),
            ScriptItem(.command("/vote a"), at: .init(file: "t.arena", line: 19)),
        ]
        #expect(items == expected)
    }

    @Test("CRLF line endings, a BOM and a missing final newline are handled")
    func lineEndings() throws {
        let items = try parse("\u{FEFF}hello\r\n\"\"\"\r\nline one\r\nline two\r\n\"\"\"\r\n/clear")
        #expect(items.map(\.action) == [.message("hello"), .message("line one\nline two"), .command("/clear")])
        #expect(items.map(\.location.line) == [1, 2, 6])
    }

    @Test("a shebang is only special on the first line; elsewhere it is a comment")
    func shebang() throws {
        #expect(try parse("#!/usr/bin/env -S arena run\nhi").map(\.action) == [.message("hi")])
        #expect(try parse("hi\n#!not a shebang").map(\.action) == [.message("hi")])
        #expect(try parse("").isEmpty)
    }

    @Test("an unterminated block is reported at its opening line")
    func unterminatedBlock() {
        #expect(throws: ScriptError(.unterminatedBlock, at: .init(file: "t.arena", line: 2))) {
            try parse("hi\n\"\"\"\nnever closed\n")
        }
        let error = ScriptError(.unterminatedBlock, at: .init(file: "t.arena", line: 2))
        #expect(error.description.hasPrefix("t.arena:2: "))
    }

    @Test("empty blocks and text after the opener are errors")
    func badBlocks() {
        #expect(throws: ScriptError(.emptyBlock, at: .init(file: "t.arena", line: 1))) {
            try parse("\"\"\"\n   \n\"\"\"")
        }
        #expect(throws: ScriptError(.textAfterBlockOpener("hello"), at: .init(file: "t.arena", line: 3))) {
            try parse("a\nb\n\"\"\"hello\n\"\"\"")
        }
    }

    @Test("malformed /expect lines are reported with file:line", arguments: [
        ("/expect", "missing side"),
        ("/expect c contains x", "'c' is not a side"),
        ("/expect a", "missing check"),
        ("/expect a includes x", "'includes' is not a check"),
        ("/expect both contains", "contains needs the text"),
        ("/expect b not-contains   ", "not-contains needs the text"),
        ("/expect a matches", "matches needs a regular expression"),
        ("/expect a finished now", "finished takes no argument"),
    ])
    func malformedExpect(line: String, detail: String) {
        do {
            _ = try parse("hi\n\(line)\n")
            Issue.record("\(line) parsed")
        } catch {
            #expect(error.location == ScriptLocation(file: "t.arena", line: 2))
            guard case .malformedExpect(let found) = error.problem else {
                Issue.record("wrong problem \(error.problem)")
                return
            }
            #expect(found.contains(detail), "\(found)")
            #expect(error.description.hasPrefix("t.arena:2: malformed /expect: "))
        }
    }

    @Test("a bad regular expression is reported with file:line")
    func badRegex() {
        do {
            _ = try parse("# test\n\n/expect a matches ([unclosed\n")
            Issue.record("bad regex parsed")
        } catch {
            #expect(error.location.line == 3)
            guard case .badRegex(let pattern, _) = error.problem else {
                Issue.record("wrong problem \(error.problem)")
                return
            }
            #expect(pattern == "([unclosed")
            #expect(error.description.hasPrefix("t.arena:3: bad regular expression /([unclosed/"))
        }
    }

    @Test("a missing script file is an error naming it")
    func missingFile() {
        #expect(throws: ScriptError.self) { try ScriptParser.parse(contentsOf: "/nonexistent/x.arena") }
    }

    @Test("an expectation prints as the line that states it and parses back")
    func descriptionRoundTrip() throws {
        for line in ["/expect a contains Paris", "/expect both not-contains \" spaced \"", "/expect b matches ^\\d+$", "/expect both finished"] {
            let items = try parse(line)
            guard case .expect(let expectation) = items.first?.action else {
                Issue.record("\(line) is not an expectation")
                continue
            }
            #expect(expectation.description == line)
        }
    }
}
