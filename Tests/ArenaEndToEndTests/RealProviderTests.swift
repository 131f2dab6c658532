import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing

/// arena against our loopback server speaking real provider dialects, configured the ways
/// people configure it: environment pairs with no config file, and a models file.
@Suite struct RealProviderTests {
    @Test func twoEnvironmentPairsStreamSideBySideWithNoConfigFile() async throws {
        let openAI = ProviderTestServer(dialect: .openAI, apiKey: "key-one", models: ["m1"])
        let azure = ProviderTestServer(dialect: .azureOpenAI(deployment: "gpt4o"), apiKey: "key-two", models: ["gpt4o"])
        let openAIPort = try await openAI.start()
        let azurePort = try await azure.start()
        defer { Task { await openAI.shutdown(); await azure.shutdown() } }
        openAI.setBehaviour(.answer(.words("Hello from the compatible server.")), forModel: "m1")
        azure.setBehaviour(.answer(.words("Hello from the Azure deployment.")), forModel: "gpt4o")

        let environment = [
            "M1_ENDPOINT": "http://127.0.0.1:\(openAIPort)/v1",
            "M1_KEY": "key-one",
            "GPT4O_ENDPOINT": "http://127.0.0.1:\(azurePort)/openai/deployments/gpt4o",
            "GPT4O_KEY": "key-two",
        ]
        let result = try ArenaBinary.runPiped(["--no-record"], input: "/settings\nhi\n", extra: environment.merging(["NO_COLOR": "1"]) { a, _ in a })
        #expect(result.status == 0)
        #expect(result.stdout.contains("azure-openai"))
        #expect(result.stdout.contains("A: Hello from the Azure deployment.\n") || result.stdout.contains("B: Hello from the Azure deployment.\n"))
        #expect(result.stdout.contains("Hello from the compatible server.\n"))
        #expect(!result.stdout.contains("key-one") && !result.stdout.contains("key-two"))
        #expect(!result.stderr.contains("key-one") && !result.stderr.contains("key-two"))
        #expect(azure.requests.first?.header("api-key") == "key-two")

        // Debug logging names model, host and status, never a key.
        let logged = try ArenaBinary.runPiped(["--no-record"], input: "hi\n", extra: environment.merging(["ARENA_LOG": "debug"]) { a, _ in a })
        #expect(logged.stderr.contains("request") && logged.stderr.contains("127.0.0.1"), "\(logged.stderr)")
        #expect(!logged.stderr.contains("key-one") && !logged.stderr.contains("key-two"))
        #expect(openAI.requests.first?.header("authorization") == "Bearer key-one")

        // The same pair in a terminal: two columns side by side.
        let terminal = try PseudoTerminal(environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: environment))
        try terminal.waitFor("arena> ")
        terminal.send("hi\r")
        try terminal.waitFor("arena> ", count: 2)
        let screen = terminal.text
        #expect(screen.contains("Hello from the Azure deployment.") && screen.contains("Hello from the compatible server."), "\(screen)")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func oneSidesFailureNeverStopsTheOther() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["good", "bad"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.answer(.words("Still here and complete.")), forModel: "good")
        server.setBehaviour(.httpError(status: 500, body: #"{"error": {"code": "server_error", "message": "the model fell over"}}"#), forModel: "bad")
        let environment = [
            "GOOD_ENDPOINT": "http://127.0.0.1:\(port)/v1", "GOOD_KEY": "k",
            "BAD_ENDPOINT": "http://127.0.0.1:\(port)/v1", "BAD_KEY": "k",
            "NO_COLOR": "1",
        ]
        let result = try ArenaBinary.runPiped(["--no-record", "--model-a", "good", "--model-b", "bad"], input: "hi\n", extra: environment)
        #expect(result.stdout.contains("A: Still here and complete.\n"))
        #expect(result.stdout.contains("B! error: bad: HTTP 500"))
        #expect(result.stdout.contains("the model fell over"))
    }

    @Test func aModelsFileConfiguresAnthropicWithKeyFromTheEnvironment() async throws {
        let server = ProviderTestServer(dialect: .anthropic, apiKey: "anthropic-secret", models: ["claude-test"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.answer(.words("Bonjour from Claude.")), forModel: "claude-test")
        let home = ArenaBinary.temporaryHome()
        let config = home + "/models.yaml"
        try """
            models:
              claude:
                provider: anthropic
                endpoint: http://127.0.0.1:\(port)
                model: claude-test
                key: ${MY_ANTHROPIC_KEY}
                parameters:
                  max_tokens: 300
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(["--no-record", "--config", config, "--model-a", "claude", "--model-b", "echo"], input: "Say hi in French\n", extra: ["MY_ANTHROPIC_KEY": "anthropic-secret"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("A: Bonjour from Claude.\n"))
        #expect(server.requests.first?.header("x-api-key") == "anthropic-secret")
        #expect(!result.stdout.contains("anthropic-secret") && !result.stderr.contains("anthropic-secret"))

        try "models:\n  broken:\n    provider: openai\n    endpoint: [not, a, url]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try ArenaBinary.runPiped(["--no-record", "--config", config], input: "hi\n")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("models.yaml:4"))
    }

    @Test func modelsShowsWhatAnAzureAIEndpointServes() async throws {
        let server = ProviderTestServer(dialect: .azureAI, apiKey: "k", models: ["llama"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let result = try ArenaBinary.runPiped(["models"], input: "", extra: ["LLAMA_ENDPOINT": "http://127.0.0.1:\(port)", "LLAMA_KEY": "k"])
        #expect(result.stdout.contains("llama"))
        #expect(result.stdout.contains("serves "), "\(result.stdout)")
        #expect(server.requests.contains { $0.path.hasSuffix("/info") })
    }

    @Test func modelsListsEveryModelWithItsOrigin() throws {
        let result = try ArenaBinary.runPiped(["models"], input: "", extra: [
            "GPT_4O_ENDPOINT": "https://myres.openai.azure.com/openai/deployments/gpt-4o", "GPT_4O_KEY": "sekrit",
            "LLAMA_ENDPOINT": "https://llama.eastus.models.ai.azure.com",
        ])
        #expect(result.stdout.contains("gpt-4o"))
        #expect(result.stdout.contains("azure-openai  environment  myres.openai.azure.com"))
        #expect(result.stdout.contains("unusable: LLAMA_KEY is not set"))
        #expect(result.stdout.contains("echo (built-in)"))
        #expect(!result.stdout.contains("sekrit"))
    }

    @Test func modelOutputCannotDriveTheTerminal() async throws {
        let hostile = "Hi \u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\ \u{9B}31m done"
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["evil"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.answer(.words(hostile)), forModel: "evil")
        let environment = ["EVIL_ENDPOINT": "http://127.0.0.1:\(port)/v1", "EVIL_KEY": "k"]
        let terminal = try PseudoTerminal(arguments: ["--model-a", "evil", "--model-b", "echo", "--no-record"], environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: environment.merging(["ARENA_PACE": "0"]) { a, _ in a }))
        try terminal.waitFor("arena> ")
        terminal.send("say something\r")
        try terminal.waitFor("arena> ", count: 2)
        let raw = terminal.rawText
        for sequence in ["\u{1B}[2J", "\u{1B}]0;", "\u{1B}]52;", "\u{1B}]8;", "\u{9B}"] {
            #expect(!raw.contains(sequence), "\(sequence.debugDescription) reached the terminal")
        }
        #expect(terminal.text.contains("␛]52;c;"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func modelsCheckReportsWhatWorks() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "right-key", models: ["ok"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.answer(.words("OK")), forModel: "ok")
        let result = try ArenaBinary.runPiped(["models", "--check"], input: "", extra: [
            "OK_ENDPOINT": "http://127.0.0.1:\(port)/v1", "OK_KEY": "right-key",
            "WRONG_ENDPOINT": "http://127.0.0.1:\(port)/v1", "WRONG_KEY": "wrong-key",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✓ ok:"), "\(result.stdout)")
        #expect(result.stdout.contains("✗ wrong:"))
        #expect(result.stdout.contains("401"))
        #expect(result.stdout.contains("✓ echo:"))
        #expect(!result.stdout.contains("wrong-key") && !result.stdout.contains("right-key"))
    }

    @Test func reasoningIsShownApartAndThinkOffHidesIt() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["thinker"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let answer = TestAnswer(text: ["The answer", " is 4."], reasoning: ["Two plus", " two is four."])
        server.setBehaviour(.answer(answer), forModel: "thinker")
        let environment = ["THINKER_ENDPOINT": "http://127.0.0.1:\(port)/v1", "THINKER_KEY": "k"]
        let shown = try ArenaBinary.runPiped(["--no-record", "--model-a", "thinker", "--model-b", "echo"], input: "2+2?\n/think off\n2+2 again?\n", extra: environment.merging(["ARENA_PACE": "0"]) { a, _ in a })
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("A~ Two plus two is four.\nA: The answer is 4.\n"), "\(shown.stdout)")
        let afterOff = try #require(shown.stdout.range(of: "reasoning text is hidden"))
        #expect(!shown.stdout[afterOff.upperBound...].contains("A~ "))
        #expect(shown.stdout[afterOff.upperBound...].contains("A: The answer is 4."))
    }
}
