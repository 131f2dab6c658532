import ArenaTestServer
import Testing
@testable import ArenaKit

@Suite struct EnvironmentConfigTests {
    @Test func dotEnvParsing() {
        let text = """
        # comment
        export GPT_4O_ENDPOINT="https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01"
        GPT_4O_KEY='single quoted'
        PLAIN=value # trailing comment
        ESCAPED="a\\nb"
        EMPTY=
        not a line
        """
        let pairs = Dictionary(DotEnv.parse(text).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        #expect(pairs["GPT_4O_ENDPOINT"] == "https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01")
        #expect(pairs["GPT_4O_KEY"] == "single quoted")
        #expect(pairs["PLAIN"] == "value")
        #expect(pairs["ESCAPED"] == "a\nb")
        #expect(pairs["EMPTY"] == "")
        #expect(pairs.count == 5)
    }

    @Test func dotEnvNeverOverridesTheEnvironment() throws {
        let (registry, catalog, _, _) = try loadCatalog(
            yaml: nil,
            // Issue 11: the endpoint is the user's own too; a `.env` endpoint with the user's key is refused (DotEnvSafetyTests).
            environment: ["MISTRAL_KEY": "from-env", "MISTRAL_ENDPOINT": "https://mistral.eastus.models.ai.azure.com"],
            dotEnv: "MISTRAL_ENDPOINT=https://elsewhere.example\nMISTRAL_KEY=from-file\nOTHER=1\n"
        )
        #expect(catalog.environment["MISTRAL_KEY"] == "from-env")
        #expect(catalog.environment["OTHER"] == "1")
        #expect(catalog.spec(named: "mistral")?.connection.key == APIKey("from-env"))
        #expect(registry.descriptor(named: "mistral")?.provider == .azureAI)
    }

    @Test(arguments: [
        ("https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01", ProviderKind.azureOpenAI),
        ("https://api.anthropic.com", .anthropic),
        ("http://localhost:11434/v1", .openAI),
        ("http://127.0.0.1:8080/v1", .openAI),
        ("http://localhost:8000/v1/", .openAI),
        ("https://api.openai.com/v1", .openAI),
        ("https://openrouter.ai/api/v1", .openAI),
        ("https://Meta-Llama-3-70B-xyz.eastus2.models.ai.azure.com", .azureAI),
        ("https://my.services.ai.azure.com/models", .azureAI),
        ("https://models.inference.ai.azure.com", .azureAI),
    ])
    func providerIsInferredFromTheURL(url: String, provider: ProviderKind) {
        #expect(ProviderInference.provider(for: url) == provider)
    }

    @Test func notebookPairsBecomeModels() throws {
        let environment = [
            "GPT_4O_ENDPOINT": "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01",
            "GPT_4O_KEY": "k1",
            "LLAMA_3_70B_ENDPOINT": "https://Meta-Llama-3-70B.eastus2.models.ai.azure.com",
            "LLAMA_3_70B_KEY": "k2",
            "LOCAL_QWEN_ENDPOINT": "http://localhost:11434/v1",
            "LOCAL_QWEN_KEY": "unused",
            "LOCAL_QWEN_MODEL": "qwen2.5:7b",
            "BROKEN_ENDPOINT": "ftp://nowhere",
            "BROKEN_KEY": "k3",
            "LONELY_ENDPOINT": "https://x.models.ai.azure.com",
        ]
        let (registry, catalog, warnings, _) = try loadCatalog(yaml: nil, environment: environment)
        let gpt = try #require(registry.descriptor(named: "gpt-4o"))
        #expect(gpt.provider == .azureOpenAI)
        #expect(gpt.origin == .environment)
        #expect(gpt.remoteModel == "gpt-4o")
        #expect(gpt.apiVersion == "2024-06-01")
        #expect(registry.descriptor(named: "llama-3-70b")?.provider == .azureAI)
        #expect(registry.descriptor(named: "local-qwen")?.provider == .openAI)
        #expect(catalog.spec(named: "local-qwen")?.connection.model == "qwen2.5:7b")
        #expect(registry.descriptor(named: "broken")?.problem?.contains("BROKEN_ENDPOINT") == true)
        // An endpoint with no key is listed with the reason, never silently dropped.
        #expect(registry.descriptor(named: "lonely")?.problem == "LONELY_KEY is not set")
        #expect(warnings.contains { $0.message.contains("broken") })
    }

    @Test func providerKeysEnableTheirUsualModels() throws {
        let (registry, _, _, _) = try loadCatalog(yaml: nil, environment: ["OPENAI_API_KEY": "sk-a", "ANTHROPIC_API_KEY": "sk-ant"])
        for name in EnvironmentModels.openAIModels {
            #expect(registry.descriptor(named: name)?.provider == .openAI)
            #expect(registry.descriptor(named: name)?.endpointHost == "api.openai.com")
        }
        for name in EnvironmentModels.anthropicModels {
            #expect(registry.descriptor(named: name)?.provider == .anthropic)
        }
    }

    @Test func environmentPairsStreamAgainstTheServers() async throws {
        try await withServer(.openAI, apiKey: "key-a") { openAIServer, openAIPort in
            try await withServer(.azureOpenAI(deployment: "gpt-4o"), apiKey: "key-b") { azureServer, azurePort in
                let environment = [
                    "LOCAL_ENDPOINT": "http://127.0.0.1:\(openAIPort)/v1",
                    "LOCAL_KEY": "key-a",
                    "LOCAL_MODEL": "test-model",
                    "GPT_4O_ENDPOINT": "http://127.0.0.1:\(azurePort)/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                    "GPT_4O_KEY": "key-b",
                ]
                let (registry, _, _, _) = try loadCatalog(yaml: nil, environment: environment)
                async let a = run(try registry.client(named: "local"))
                async let b = run(try registry.client(named: "gpt-4o"))
                let (sinkA, errorA) = try await a
                let (sinkB, errorB) = try await b
                #expect(errorA == nil)
                #expect(errorB == nil)
                #expect(sinkA.text == TestAnswer.standard.joinedText)
                #expect(sinkB.text == TestAnswer.standard.joinedText)
                #expect(openAIServer.requests.count == 1)
                #expect(azureServer.requests.count == 1)
            }
        }
    }
}

@Suite struct DiscoveryAndCheckTests {
    @Test func discoveryRegistersLocalModels() async throws {
        try await withServer(.openAI, apiKey: nil, models: ["llama3.2:latest", "qwen2.5:7b"]) { _, port in
            let closed = ProviderTestServer(dialect: .openAI)
            let closedPort = try await closed.start()
            await closed.shutdown()
            let registry = ModelRegistry()
            let catalog = ModelCatalog()
            let found = await catalog.discoverLocalServers(into: registry, candidates: [
                LocalServerCandidate(name: "ollama", baseURL: "http://127.0.0.1:\(port)/v1", isOllama: true),
                LocalServerCandidate(name: "vllm", baseURL: "http://127.0.0.1:\(closedPort)/v1"),
            ])
            #expect(found.map(\.candidate.name) == ["ollama"])
            #expect(found.first?.modelNames == ["ollama/llama3.2:latest", "ollama/qwen2.5:7b"])
            let descriptor = try #require(registry.descriptor(named: "ollama/qwen2.5:7b"))
            #expect(descriptor.origin == .discovered)
            #expect(descriptor.provider == .openAI)
            let (sink, error) = await run(try registry.client(named: "ollama/qwen2.5:7b"))
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
        }
    }

    @Test func ollamaHostOverridesTheDefault() {
        let candidates = LocalServerCandidate.defaults(environment: ["OLLAMA_HOST": "0.0.0.0:9999"])
        #expect(candidates.first?.baseURL == "http://127.0.0.1:9999/v1")
        #expect(LocalServerCandidate.defaults(environment: [:]).map(\.baseURL) == [
            "http://127.0.0.1:11434/v1", "http://127.0.0.1:8080/v1", "http://127.0.0.1:8000/v1", "http://127.0.0.1:1234/v1",
        ])
    }

    @Test func checkReportsSuccessAndFailureInOneLine() async throws {
        try await withServer(.openAI) { server, port in
            let registry = ModelRegistry()
            let good = ModelConnection(name: "good", provider: .openAI, endpoint: "http://127.0.0.1:\(port)/v1", model: "m", key: APIKey("test-key"))
            var bad = good
            bad.name = "bad"
            bad.key = APIKey("wrong-secret-key")
            for connection in [good, bad] {
                registry.register(connection.descriptor()) { try connection.makeClient() }
            }
            registry.register(ModelDescriptor(name: "broken", provider: .azureAI, origin: .file, problem: "no endpoint configured")) {
                throw ProviderError.misconfigured(detail: "unreachable")
            }
            let ok = await ModelCatalog.check(model: "good", in: registry)
            #expect(ok.succeeded)
            #expect(ok.description.hasPrefix("✓ good: answered \"Hello from the loopback server.\""))
            let failed = await ModelCatalog.check(model: "bad", in: registry)
            #expect(!failed.succeeded)
            #expect(failed.description.contains("HTTP 401"))
            #expect(!failed.description.contains("wrong-secret-key"))
            let broken = await ModelCatalog.check(model: "broken", in: registry)
            #expect(broken.description == "✗ broken: not usable: no endpoint configured")
            #expect(server.requests.count == 2)
        }
    }
}
