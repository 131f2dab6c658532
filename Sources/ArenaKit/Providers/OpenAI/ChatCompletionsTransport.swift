import AsyncHTTPClient
import Logging
import NIOHTTP1

/// The part the three chat-completions clients share: sending a prepared request and reading
/// its OpenAI-style stream.
struct ChatCompletionsTransport: Sendable {
    let call: StreamingCall
    let requestedModel: String?
    let redactor: SecretRedactor

    init(connection: ModelConnection, httpClient: HTTPClient?, requestedModel: String?) {
        redactor = SecretRedactor([connection.key])
        self.requestedModel = requestedModel
        call = StreamingCall(connection: connection, httpClient: httpClient, redactor: redactor)
    }

    func stream(_ request: PreparedRequest, into sink: any AnswerSink) async throws {
        let requestedModel = requestedModel
        let redactor = redactor
        try await call.run(request, into: sink) {
            EventStreamBody(
                interpreter: ChatCompletionChunkInterpreter(requestedModel: requestedModel, redactor: redactor),
                redactor: redactor,
                acceptsLegacyErrorField: true
            )
        }
    }

    /// JSON request headers plus the connection's extra headers.
    static func baseHeaders(_ connection: ModelConnection) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "accept", value: "text/event-stream")
        headers.add(name: "user-agent", value: "arena")
        for (name, value) in connection.extraHeaders.sorted(by: { $0.key < $1.key }) {
            headers.replaceOrAdd(name: name, value: value)
        }
        return headers
    }
}

/// The logger the provider clients use. It logs hosts, statuses and model names, never keys,
/// headers, bodies or query strings.
enum ProviderLogging {
    public static let logger = Logger(label: "arena.providers")
}
