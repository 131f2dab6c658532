import ArenaTestServer
import Testing
@testable import ArenaKit

@Suite struct AzureOpenAIClientTests {
    @Test func streamsFromDeploymentPathWithApiKeyAndUsage() async throws {
        try await withServer(.azureOpenAI(deployment: "gpt-4o")) { server, port in
            let client = try AzureOpenAIClient(connection: testConnection(.azureOpenAI, port: port, model: nil, deployment: "gpt-4o", apiVersion: "2024-10-21"))
            let (sink, error) = await run(client)
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
            #expect(sink.finishReasons == [.stop])
            #expect(sink.lastUsage == TokenUsage(inputTokens: 11, outputTokens: 7))
            #expect(sink.reportedModels == ["gpt-4o"])
            let request = try #require(server.requests.first)
            #expect(request.path == "/openai/deployments/gpt-4o/chat/completions")
            #expect(request.query["api-version"] == "2024-10-21")
            #expect(request.header("api-key") == "test-key")
            #expect(request.header("authorization") == nil)
            let body = try JSONParser.parse(request.body)
            #expect(body["model"] == nil)
            #expect(body["stream_options"]?["include_usage"] == true)
        }
    }

    @Test func olderApiVersionsAreNotSentStreamOptions() async throws {
        try await withServer(.azureOpenAI(deployment: "d")) { server, port in
            let client = try AzureOpenAIClient(connection: testConnection(.azureOpenAI, port: port, deployment: "d", apiVersion: "2024-06-01"))
            let (sink, error) = await run(client)
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
            #expect(sink.lastUsage == nil)
            let body = try JSONParser.parse(try #require(server.requests.first).body)
            #expect(body["stream_options"] == nil)
        }
    }

    @Test func wholeDeploymentURLIsUnderstood() async throws {
        try await withServer(.azureOpenAI(deployment: "gpt-4o-mini")) { server, port in
            let url = "http://127.0.0.1:\(port)/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-08-01-preview"
            let connection = ModelConnection(name: "mini", provider: .azureOpenAI, endpoint: url, key: APIKey("test-key"), timeouts: testTimeouts)
            let (sink, error) = await run(try AzureOpenAIClient(connection: connection))
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
            #expect(server.requests.first?.query["api-version"] == "2024-08-01-preview")
        }
    }

    @Test func wrongKeyIs401() async throws {
        try await withServer(.azureOpenAI(deployment: "d")) { _, port in
            let client = try AzureOpenAIClient(connection: testConnection(.azureOpenAI, port: port, key: "nope", deployment: "d"))
            let (_, error) = await run(client)
            guard case .http(401, "401", _)? = error as? ProviderError else {
                Issue.record("expected 401, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func missingDeploymentIsAConfigurationError() {
        #expect(throws: ProviderError.self) {
            try AzureOpenAIClient(connection: ModelConnection(name: "x", provider: .azureOpenAI, endpoint: "https://r.openai.azure.com"))
        }
    }
}

@Suite struct AzureAIClientTests {
    @Test func serverlessEndpointWithBothAuthHeadersAndUsageOnFinishChunk() async throws {
        try await withServer(.azureAI) { server, port in
            server.enqueue(.answer(TestAnswer(text: ["Bonjour"], model: "mistral-large-2407")))
            let client = try AzureAIClient(connection: testConnection(.azureAI, port: port, model: nil))
            let (sink, error) = await run(client)
            #expect(error == nil)
            #expect(sink.text == "Bonjour")
            #expect(sink.lastUsage == TokenUsage(inputTokens: 11, outputTokens: 7))
            #expect(sink.reportedModels == ["mistral-large-2407"])
            let request = try #require(server.requests.first)
            #expect(request.path == "/chat/completions")
            #expect(request.query["api-version"] == "2024-05-01-preview")
            #expect(request.header("authorization") == "Bearer test-key")
            #expect(request.header("api-key") == "test-key")
            #expect(request.header("extra-parameters") == nil)
            let body = try JSONParser.parse(request.body)
            #expect(body["model"] == nil)
            #expect(body["stream_options"] == nil)
            #expect(body["seed"] == 42)
        }
    }

    @Test func foundryModelAndExtraParametersArePassedThrough() async throws {
        try await withServer(.azureAI) { server, port in
            let extra: JSONObject = JSONObject([.init(key: "safe_prompt", value: true)])
            var connection = testConnection(.azureAI, port: port, model: "Phi-4", apiVersion: "2025-04-01", extraBody: extra)
            connection.endpoint += "/models"
            let (sink, error) = await run(try AzureAIClient(connection: connection))
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
            let request = try #require(server.requests.first)
            #expect(request.path == "/models/chat/completions")
            #expect(request.query["api-version"] == "2025-04-01")
            #expect(request.header("extra-parameters") == "pass-through")
            let body = try JSONParser.parse(request.body)
            #expect(body["model"] == "Phi-4")
            #expect(body["safe_prompt"] == true)
        }
    }

    @Test func infoNamesTheRealModel() async throws {
        try await withServer(.azureAI, models: ["Meta-Llama-3.1-405B-Instruct"]) { server, port in
            let client = try AzureAIClient(connection: testConnection(.azureAI, port: port, model: nil))
            let info = try await client.info()
            #expect(info == AzureAIModelInfo(modelName: "Meta-Llama-3.1-405B-Instruct", modelType: "chat-completion", providerName: "Loopback"))
            #expect(info.displayText == "Meta-Llama-3.1-405B-Instruct (Loopback)")
            #expect(server.requests.first?.path == "/info")
            #expect(server.requests.first?.query["api-version"] == "2024-05-01-preview")
        }
    }

    @Test func flatErrorBodyIsRead() async throws {
        try await withServer(.azureAI) { server, port in
            server.enqueue(.httpError(status: 422, body: "{\"status\":422,\"code\":\"parameter_not_supported\",\"message\":\"seed is not supported\",\"detail\":{\"loc\":[\"body\",\"seed\"],\"input\":42}}"))
            let (_, error) = await run(try AzureAIClient(connection: testConnection(.azureAI, port: port)))
            #expect(error as? ProviderError == .http(status: 422, code: "parameter_not_supported", message: "seed is not supported (body.seed)"))
        }
    }
}
