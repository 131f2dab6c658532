import ArenaTestServer
import Testing
@testable import ArenaKit

@Suite struct OpenAIClientTests {
    @Test func streamsTextUsageAndFinishWithRequestFields() async throws {
        try await withServer(.openAI) { server, port in
            server.enqueue(.answer(TestAnswer(text: ["Hi", " there", " ✓"], reasoning: ["Let me", " think"], reasoningKey: "reasoning")))
            let client = try OpenAIClient(connection: testConnection(.openAI, port: port))
            let (sink, error) = await run(client)
            #expect(error == nil)
            #expect(sink.text == "Hi there ✓")
            #expect(sink.reasoning == "Let me think")
            #expect(sink.finishReasons == [.stop])
            #expect(sink.lastUsage == TokenUsage(inputTokens: 11, outputTokens: 7))

            let request = try #require(server.requests.first)
            #expect(request.path == "/v1/chat/completions")
            #expect(request.header("authorization") == "Bearer test-key")
            let body = try JSONParser.parse(request.body)
            #expect(body["model"] == "test-model")
            #expect(body["stream"] == true)
            #expect(body["temperature"] == 0.5)
            #expect(body["top_p"] == 0.9)
            #expect(body["max_tokens"] == 100)
            #expect(body["seed"] == 42)
            #expect(body["stop"] == ["END"])
            #expect(body["stream_options"]?["include_usage"] == true)
            let messages = try #require(body["messages"]?.arrayValue)
            #expect(messages.map { $0["role"]?.stringValue } == ["system", "user", "assistant", "user"])
            #expect(messages.last?["content"] == "How are you?")
        }
    }

    @Test func reasoningContentKeyIsAccepted() async throws {
        try await withServer(.openAI) { server, port in
            server.enqueue(.answer(TestAnswer(text: ["ok"], reasoning: ["hmm"], reasoningKey: "reasoning_content")))
            let (sink, error) = await run(try OpenAIClient(connection: testConnection(.openAI, port: port)))
            #expect(error == nil)
            #expect(sink.reasoning == "hmm")
            #expect(sink.text == "ok")
        }
    }

    @Test func wrongKeyGives401WithCodeAndMessage() async throws {
        try await withServer(.openAI) { _, port in
            let (sink, error) = await run(try OpenAIClient(connection: testConnection(.openAI, port: port, key: "sk-wrong-secret-123")))
            #expect(sink.text.isEmpty)
            let providerError = try #require(error as? ProviderError)
            #expect(providerError == .http(status: 401, code: "invalid_api_key", message: "Incorrect API key provided."))
            #expect(!"\(providerError)".contains("sk-wrong-secret-123"))
        }
    }
}
