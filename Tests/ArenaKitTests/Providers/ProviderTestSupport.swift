import ArenaTestServer
import Synchronization
@testable import ArenaKit

/// Collects the events a client delivers, for assertions.
final class RecordingSink: AnswerSink {
    private let storage = Mutex<[AnswerEvent]>([])

    func receive(_ event: AnswerEvent) {
        storage.withLock { $0.append(event) }
    }

    var events: [AnswerEvent] { storage.withLock { $0 } }

    var text: String {
        events.reduce(into: "") { if case .text(let piece) = $1 { $0 += piece } }
    }

    var reasoning: String {
        events.reduce(into: "") { if case .reasoning(let piece) = $1 { $0 += piece } }
    }

    var finishReasons: [FinishReason] {
        events.compactMap { if case .finished(let reason) = $0 { return reason } else { return nil } }
    }

    var lastUsage: TokenUsage? {
        events.reduce(nil) { last, event in if case .usage(let usage) = event { return usage } else { return last } }
    }

    var retries: [(attempt: Int, seconds: Double)] {
        events.compactMap { if case .retrying(let attempt, let seconds, _) = $0 { return (attempt, seconds) } else { return nil } }
    }

    var reportedModels: [String] {
        events.compactMap { if case .reportedModel(let name) = $0 { return name } else { return nil } }
    }
}

/// Starts a test server, runs `body` with it and its port, and shuts it down.
func withServer<T>(
    _ dialect: TestDialect,
    apiKey: String? = "test-key",
    models: [String] = ["test-model"],
    _ body: (ProviderTestServer, Int) async throws -> T
) async throws -> T {
    let server = ProviderTestServer(dialect: dialect, apiKey: apiKey, models: models)
    let port = try await server.start()
    do {
        let result = try await body(server, port)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Timeouts generous enough that a busy machine never turns a test's expected outcome into a
/// timeout (tests of timeouts pass their own), and retries small enough for tests.
let testTimeouts = ProviderTimeouts(connect: 30, firstToken: 60, idle: 60)
let testRetry = RetryPolicy(maxRetries: 3, maxTotalWait: 5, baseDelay: 0.05, maxDelay: 0.2)

/// A connection to the test server for `provider`.
func testConnection(
    _ provider: ProviderKind,
    port: Int,
    key: String = "test-key",
    model: String? = "test-model",
    deployment: String? = nil,
    apiVersion: String? = nil,
    timeouts: ProviderTimeouts = testTimeouts,
    retry: RetryPolicy = testRetry,
    extraBody: JSONObject = JSONObject()
) -> ModelConnection {
    let endpoint: String
    switch provider {
    case .openAI: endpoint = "http://127.0.0.1:\(port)/v1"
    case .azureOpenAI: endpoint = "http://127.0.0.1:\(port)"
    case .azureAI, .anthropic, .builtIn: endpoint = "http://127.0.0.1:\(port)"
    }
    return ModelConnection(
        name: "test", provider: provider, origin: .file, endpoint: endpoint, model: model,
        deployment: deployment, apiVersion: apiVersion, key: APIKey(key),
        extraBody: extraBody, timeouts: timeouts, retry: retry
    )
}

/// A short conversation with every setting set.
let sampleRequest = ChatRequest(
    messages: [.system("Be brief."), .user("Hi"), .assistant("Hello!"), .user("How are you?")],
    settings: GenerationSettings(temperature: 0.5, maxTokens: 100, topP: 0.9, seed: 42, stop: ["END"])
)

/// Streams `request` through `client`, returning the sink and the error thrown, if any.
func run(_ client: any ModelClient, _ request: ChatRequest = sampleRequest) async -> (RecordingSink, (any Error)?) {
    let sink = RecordingSink()
    do {
        try await client.stream(request, into: sink)
        return (sink, nil)
    } catch {
        return (sink, error)
    }
}
