import Testing
@testable import ArenaKit

@Suite struct CommandParserTests {
    private func parse(_ line: String) throws -> Command {
        try CommandParser.parse(line)
    }

    @Test func plainLinesAreMessages() throws {
        #expect(try parse("hello there") == .message("hello there"))
        #expect(try parse("//etc/passwd is a path") == .message("/etc/passwd is a path"))
    }

    @Test func mmluSplitsAreNamedOrTheTestSplit() throws {
        #expect(try parse("/random") == .random(.test))
        #expect(try parse("/random val") == .random(.val))
        #expect(try parse("/examples") == .examples(nil, .test))
        #expect(try parse("/examples 3 dev") == .examples(3, .dev))
        #expect(try parse("/examples dev 3") == .examples(3, .dev))
        #expect(throws: CommandError.self) { try parse("/random train") }
        #expect(throws: CommandError.self) { try parse("/examples 3 4") }
        #expect(throws: CommandError.self) { try parse("/examples dev val") }
    }

    @Test func modelsCommands() throws {
        #expect(try parse("/models") == .listModels)
        #expect(try parse("/models echo scribe") == .setModels(a: "echo", b: "scribe"))
        #expect(try parse("/model b scribe") == .setModel(.b, "scribe"))
    }

    @Test func settingsAreSharedUnlessASideIsNamed() throws {
        #expect(try parse("/temp 0.7") == .setting(.temperature(0.7), .both))
        #expect(try parse("/temp b 0.2") == .setting(.temperature(0.2), .only(.b)))
        #expect(try parse("/temp a default") == .setting(.temperature(nil), .only(.a)))
        #expect(try parse("/max-tokens 256") == .setting(.maxTokens(256), .both))
        #expect(try parse("/top-p a 0.9") == .setting(.topP(0.9), .only(.a)))
        #expect(try parse("/seed b 42") == .setting(.seed(42), .only(.b)))
        #expect(try parse("/stop \\n\\n END") == .setting(.stop(["\n\n", "END"]), .both))
    }

    @Test func systemPrompts() throws {
        #expect(try parse("/system You are terse.") == .system("You are terse.", .both))
        #expect(try parse("/system a Speak like a pirate") == .system("Speak like a pirate", .only(.a)))
        #expect(try parse("/system b off") == .system(nil, .only(.b)))
        #expect(try parse("/system") == .showSystem)
    }

    @Test func otherCommands() throws {
        #expect(try parse("/settings") == .settings)
        #expect(try parse("/retry") == .retry(.both))
        #expect(try parse("/retry a") == .retry(.only(.a)))
        #expect(try parse("/clear") == .clear)
        #expect(try parse("/swap") == .swap)
        #expect(try parse("/pace 0") == .pace(0))
        #expect(try parse("/think off") == .think(false))
        #expect(try parse("/help temp") == .help("temp"))
        #expect(try parse("/quit") == .quit)
        #expect(try parse("/exit") == .quit)
    }

    @Test(arguments: [
        ("/frobnicate", "unknown command /frobnicate; type /help for the list of commands"),
        ("/temp 3", "/temp: expected a number from 0 to 2 or 'default', got '3'"),
        ("/temp b", "/temp: expected a number from 0 to 2 or 'default', got 'b'"),
        ("/max-tokens many", "/max-tokens: expected a whole number from 1 to 10000000 or 'default', got 'many'"),
        ("/top-p 0", "/top-p: expected a number above 0 and at most 1, got '0'"),
        ("/models one", "/models: usage: /models [A B], got 'one'"),
        ("/model c x", "/model: usage: /model a|b NAME, got 'c x'"),
        ("/clear now", "/clear takes no arguments, got 'now'"),
        ("/think maybe", "/think: expected on or off, got 'maybe'"),
        ("/pace fast", "/pace: expected a number of words per second, 0 or more, got 'fast'"),
    ])
    func badArgumentsSayWhatWasExpected(line: String, message: String) {
        #expect(throws: CommandError(message)) { try CommandParser.parse(line) }
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        for spec in CommandCatalog.all {
            let help = try CommandCatalog.help(for: spec.name)
            #expect(help.contains("example: \(spec.example)"))
            #expect(throws: Never.self) { try CommandParser.parse(spec.example) }
        }
    }

    @Test func completionOffersCommandsModelsAndSides() {
        let completion = Completion(modelNames: { ["echo", "scribe", "gpt-4o"] })
        #expect(completion.candidates(for: "/te") == ["/temp"])
        #expect(completion.candidates(for: "/m").sorted() == ["/markdown", "/max-tokens", "/model", "/models"])
        #expect(completion.candidates(for: "/models e") == ["echo"])
        #expect(completion.candidates(for: "/models echo ") == ["echo", "gpt-4o", "scribe"])
        #expect(completion.candidates(for: "/temp ") == ["a", "b"])
        #expect(completion.candidates(for: "/model b s") == ["scribe"])
        #expect(completion.candidates(for: "/think o") == ["off", "on"])
        #expect(completion.candidates(for: "/help ret") == ["retry"])
        #expect(completion.candidates(for: "hello wor") == [])
        #expect(Completion.commonPrefix(of: ["/max-tokens", "/model", "/models"]) == "/m")
    }
}
