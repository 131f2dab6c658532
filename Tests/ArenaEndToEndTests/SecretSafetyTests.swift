import ArenaTestServer
import Foundation
import Testing

/// Issue 11's critical findings, reproduced against loopback servers that record what they
/// receive: a cloned repository's `.env` can neither run a command, nor move arena's
/// configuration, nor send a key it did not define to a host it chose; and no key follows a
/// redirect to another host.
@Suite struct SecretSafetyTests {
    /// A folder standing for a cloned repository, holding `files`.
    private func clonedRepository(_ files: [String: String]) throws -> String {
        let folder = ArenaBinary.temporaryHome()
        for (name, text) in files {
            try text.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aDotEnvCannotNameTheModelsFileSoItsKeyCommandNeverRuns() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: nil, models: ["evil"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let marker = ArenaBinary.temporaryHome() + "/key-command-ran"
        let repository = try clonedRepository([
            ".env": "ARENA_CONFIG=./arena-models.yaml\nARENA_MODEL_A=evil\n",
            "arena-models.yaml": """
                models:
                  evil:
                    provider: openai
                    endpoint: http://127.0.0.1:\(port)/v1
                    key_command: "touch \(marker); echo stolen"
                """,
        ])
        let result = try ArenaBinary.runPiped(["--no-record"], input: "What is my secret?\n", extra: ["ARENA_PACE": "0"], workingDirectory: repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(server.requests.isEmpty)
        #expect(result.stdout.hasPrefix("── turn 1 ──\nQ: What is my secret?\nA: What is my secret?\n"))
        #expect(result.stderr.contains("\(repository)/.env:1: ARENA_CONFIG is not taken from .env"), "\(result.stderr)")
        #expect(result.stderr.contains("\(repository)/.env:2: ARENA_MODEL_A is not taken from .env"), "\(result.stderr)")
    }

    @Test func aDotEnvEndpointNeverReceivesAKeyFromTheUsersEnvironment() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: nil, models: ["gpt-4o"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let repository = try clonedRepository([
            ".env": """
                # a cloned repository's settings
                AWS_SECRET_ACCESS_ENDPOINT=http://127.0.0.1:\(port)/v1
                OPENAI_BASE_URL=http://127.0.0.1:\(port)/v1
                ANTHROPIC_BASE_URL=http://127.0.0.1:\(port)
                """,
        ])
        let userSecrets = [
            "AWS_SECRET_ACCESS_KEY": "aws-user-secret",
            "OPENAI_API_KEY": "sk-user-secret",
            "ANTHROPIC_API_KEY": "ant-user-secret",
            "ARENA_PACE": "0",
        ]
        // Blind battles draw from every model: none of them may be the .env's host. (Only the
        // AWS pair here: the OpenAI and Anthropic models would try their real hosts.)
        for _ in 0..<4 {
            let blind = try ArenaBinary.runPiped(
                ["--no-record", "--blind"], input: "hi\n/quit\n",
                extra: ["AWS_SECRET_ACCESS_KEY": "aws-user-secret", "ARENA_PACE": "0"], workingDirectory: repository)
            #expect(blind.status == 0, "\(blind.stderr)")
            #expect(!blind.stdout.contains("user-secret") && !blind.stderr.contains("user-secret"))
        }
        let listing = try ArenaBinary.runPiped(["models"], input: "", extra: userSecrets, workingDirectory: repository)
        #expect(listing.status == 0)
        #expect(listing.stdout.contains("api.openai.com") && listing.stdout.contains("api.anthropic.com"), "\(listing.stdout)")
        #expect(!listing.stdout.contains("aws-secret-access"))
        #expect(!listing.stdout.contains("127.0.0.1:\(port)"))
        #expect(listing.stderr.contains(".env:2: AWS_SECRET_ACCESS_ENDPOINT is ignored: it would send AWS_SECRET_ACCESS_KEY"), "\(listing.stderr)")
        #expect(listing.stderr.contains(".env:3: OPENAI_BASE_URL is ignored"))
        #expect(listing.stderr.contains(".env:4: ANTHROPIC_BASE_URL is ignored"))
        #expect(server.requests.isEmpty)
    }

    @Test func aDotEnvMayDefineAModelWithAKeyOfItsOwn() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "project-key", models: ["project"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.answer(.words("Answer from the project's own server.")), forModel: "project")
        let repository = try clonedRepository([
            ".env": "PROJECT_ENDPOINT=http://127.0.0.1:\(port)/v1\nPROJECT_KEY=project-key\nPROJECT_MODEL=project\n",
        ])
        let result = try ArenaBinary.runPiped(["--no-record", "--model-a", "echo", "--model-b", "project"], input: "hi\n", extra: ["ARENA_PACE": "0"], workingDirectory: repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("B: Answer from the project's own server.\n"))
        #expect(server.requests.count == 1, "\(server.requests.map { "\($0.method) \($0.path)" })")
        #expect(server.requests.first?.header("authorization") == "Bearer project-key")
        #expect(result.stderr == "")
    }

    @Test func aModelsFileEndpointFromADotEnvIsRefusedWithTheUsersKey() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: nil, models: ["mine"])
        let port = try await server.start()
        defer { Task { await server.shutdown() } }
        let config = ArenaBinary.temporaryHome() + "/models.yaml"
        try """
            models:
              mine:
                provider: openai
                endpoint: ${MINE_URL}
                key: ${MINE_TOKEN}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let repository = try clonedRepository([".env": "MINE_URL=http://127.0.0.1:\(port)/v1\n"])
        let result = try ArenaBinary.runPiped(
            ["--no-record", "--config", config, "--model-a", "echo", "--model-b", "mine"], input: "hi\n",
            extra: ["MINE_TOKEN": "user-token", "ARENA_PACE": "0"], workingDirectory: repository)
        // The model is listed as unusable, with the reason, and each turn says so on its side.
        #expect(result.stderr.contains("model 'mine' cannot be used: its endpoint comes from \(repository)/.env:1 but its key ${MINE_TOKEN} does not"), "\(result.stderr)")
        #expect(result.stdout.contains("B! error: mine: not usable: its endpoint comes from"), "\(result.stdout)")
        #expect(server.requests.isEmpty)
    }

    @Test(arguments: ["azure-openai", "azure-ai", "anthropic", "openai"])
    func noKeyFollowsARedirectToAnotherHost(provider: String) async throws {
        let elsewhere = ProviderTestServer(dialect: .openAI, apiKey: nil)
        let elsewherePort = try await elsewhere.start(host: "127.0.0.2")
        let dialect: TestDialect = switch provider {
        case "azure-openai": .azureOpenAI(deployment: "d")
        case "azure-ai": .azureAI
        case "anthropic": .anthropic
        default: .openAI
        }
        let origin = ProviderTestServer(dialect: dialect, apiKey: "user-secret", models: ["m"])
        let port = try await origin.start()
        defer { Task { await origin.shutdown(); await elsewhere.shutdown() } }
        origin.enqueue(.redirect(status: 302, location: "http://127.0.0.2:\(elsewherePort)/v1/chat/completions"))
        let endpoint = switch provider {
        case "azure-openai": "http://127.0.0.1:\(port)/openai/deployments/d/chat/completions?api-version=2024-10-21"
        case "azure-ai": "http://127.0.0.1:\(port)"
        case "anthropic": "http://127.0.0.1:\(port)"
        default: "http://127.0.0.1:\(port)/v1"
        }
        let config = ArenaBinary.temporaryHome() + "/models.yaml"
        try """
            models:
              m:
                provider: \(provider)
                endpoint: \(endpoint)
                key: ${M_SECRET}
                model: m
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(
            ["--no-record", "--config", config, "--model-a", "echo", "--model-b", "m"], input: "hi\n",
            extra: ["M_SECRET": "user-secret", "ARENA_PACE": "0", "NO_COLOR": "1"])
        #expect(origin.requests.count == 1)
        #expect(elsewhere.requests.isEmpty)
        let output = result.stdout + result.stderr
        #expect(output.contains("HTTP 302 redirect to http://127.0.0.2:\(elsewherePort), not followed"), "\(output)")
        #expect(!output.contains("user-secret"))
    }

    /// A refused connection is reported at once, not retried until the connect timeout: with a
    /// connect timeout of an hour, the old behaviour would hang this test.
    @Test func aRefusedConnectionIsReportedAtOnce() async throws {
        let closed = ProviderTestServer(dialect: .openAI)
        let port = try await closed.start()
        await closed.shutdown()
        let config = ArenaBinary.temporaryHome() + "/models.yaml"
        try """
            models:
              local:
                provider: openai
                endpoint: http://127.0.0.1:\(port)/v1
                timeouts: {connect: 3600}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(
            ["--no-record", "--config", config, "--model-a", "echo", "--model-b", "local"], input: "hi\n", extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        #expect((result.stdout + result.stderr).contains("connection refused by 127.0.0.1"), "\(result.stdout)\(result.stderr)")
    }
}
