import ArenaTestServer
import Testing
@testable import ArenaKit

@Suite struct AnthropicClientTests {
    @Test func streamsTextThinkingUsageAndStopReason() async throws {
        try await withServer(.anthropic) { server, port in
            server.enqueue(.answer(TestAnswer(text: ["Hi", " there"], reasoning: ["Pondering", "…"], inputTokens: 20, outputTokens: 9, model: "claude-sonnet-4-5-20250929")))
            let client = try AnthropicClient(connection: testConnection(.anthropic, port: port, model: "claude-sonnet-4-5"))
            let (sink, error) = await run(client)
            #expect(error == nil)
            #expect(sink.text == "Hi there")
            #expect(sink.reasoning == "Pondering…")
            #expect(sink.finishReasons == [.stop])
            #expect(sink.lastUsage == TokenUsage(inputTokens: 20, outputTokens: 9))
            #expect(sink.reportedModels == ["claude-sonnet-4-5-20250929"])
            let request = try #require(server.requests.first)
            #expect(request.path == "/v1/messages")
            #expect(request.header("x-api-key") == "test-key")
            #expect(request.header("anthropic-version") == "2023-06-01")
            let body = try JSONParser.parse(request.body)
            #expect(body["system"] == "Be brief.")
            #expect(body["max_tokens"] == 100)
            #expect(body["stop_sequences"] == ["END"])
            #expect(body["seed"] == nil)
            #expect(body["stream"] == true)
            #expect(body["messages"]?.arrayValue?.map { $0["role"]?.stringValue } == ["user", "assistant", "user"])
        }
    }

    @Test func maxTokensIsAlwaysSent() async throws {
        try await withServer(.anthropic) { server, port in
            let request = ChatRequest(messages: [.user("Hi")], settings: GenerationSettings())
            let (sink, error) = await run(try AnthropicClient(connection: testConnection(.anthropic, port: port)), request)
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
            let body = try JSONParser.parse(try #require(server.requests.first).body)
            #expect(body["max_tokens"] == 4096)
            #expect(body["system"] == nil)
        }
    }

    @Test func errorEventKeepsText() async throws {
        try await withServer(.anthropic) { server, port in
            server.enqueue(.errorEvent(.standard, afterChunks: 5, code: "overloaded_error", message: "Overloaded"))
            let (sink, error) = await run(try AnthropicClient(connection: testConnection(.anthropic, port: port)))
            #expect(sink.text == "Hello from")
            #expect(error as? ProviderError == .streamError(code: "overloaded_error", message: "Overloaded"))
        }
    }

    @Test func missingMessageStopIsIncomplete() async throws {
        try await withServer(.anthropic) { server, port in
            server.enqueue(.cutOff(.standard, afterChunks: 5, midJSON: true))
            let (sink, error) = await run(try AnthropicClient(connection: testConnection(.anthropic, port: port)))
            #expect(sink.text == "Hello from")
            #expect(error as? ProviderError == .incomplete)
        }
    }

    @Test func rateLimitAndAuthErrors() async throws {
        try await withServer(.anthropic) { server, port in
            server.enqueue(.rateLimited(.retryAfterMs(5)), .answer(.standard))
            let (sink, error) = await run(try AnthropicClient(connection: testConnection(.anthropic, port: port)))
            #expect(error == nil)
            #expect(sink.retries.count == 1)
            let (_, authError) = await run(try AnthropicClient(connection: testConnection(.anthropic, port: port, key: "wrong")))
            #expect(authError as? ProviderError == .http(status: 401, code: "authentication_error", message: "invalid x-api-key"))
        }
    }

    @Test func nonStreamingMessageIsDelivered() async throws {
        try await withServer(.anthropic) { server, port in
            server.enqueue(.nonStreaming(TestAnswer(text: ["Done."], reasoning: ["hm"])))
            let (sink, error) = await run(try AnthropicClient(connection: testConnection(.anthropic, port: port)))
            #expect(error == nil)
            #expect(sink.text == "Done.")
            #expect(sink.reasoning == "hm")
            #expect(sink.finishReasons == [.stop])
        }
    }
}

@Suite struct StreamingThroughputTests {
    /// The firehose (used by the benchmarks) arrives whole and in order.
    @Test func firehoseArrivesComplete() async throws {
        try await withServer(.openAI) { server, port in
            server.enqueue(.firehose(chunks: 20_000, text: "x"))
            let (sink, error) = await run(try OpenAIClient(connection: testConnection(.openAI, port: port)))
            #expect(error == nil)
            #expect(sink.text.count == 20_000)
            #expect(sink.lastUsage?.outputTokens == 20_000)
        }
    }
}
