import AsyncHTTPClient
import NIOHTTP1

/// Streams answers from Anthropic's Messages API: `POST {base}/v1/messages` with `x-api-key`
/// and `anthropic-version`, reading its named events (thinking shows as reasoning).
package struct AnthropicClient: ModelClient {
    public let connection: ModelConnection
    private let call: StreamingCall
    private let url: String
    private let redactor: SecretRedactor

    /// Makes a client. The endpoint is the API base, `https://api.anthropic.com` (a trailing
    /// `/v1` or `/v1/messages` is accepted too).
    public init(connection: ModelConnection, httpClient: HTTPClient? = nil) throws {
        self.connection = connection
        var base = try connection.validatedEndpoint()
        for suffix in ["/messages", "/v1"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        url = base + "/v1/messages"
        redactor = SecretRedactor([connection.key])
        call = StreamingCall(connection: connection, httpClient: httpClient, redactor: redactor)
    }

    public var descriptor: ModelDescriptor { connection.descriptor() }

    public func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws {
        let model = connection.model ?? connection.name
        let body = AnthropicRequestBody(model: model, extraBody: connection.extraBody)
            .make(for: request, settings: connection.effectiveSettings(for: request))
        var headers = ChatCompletionsTransport.baseHeaders(connection)
        headers.replaceOrAdd(name: "anthropic-version", value: connection.effectiveAPIVersion ?? "2023-06-01")
        if let key = connection.key, !key.isEmpty {
            headers.replaceOrAdd(name: "x-api-key", value: key.secret)
        }
        let prepared = PreparedRequest(url: url, headers: headers, json: body)
        let redactor = redactor
        try await call.run(prepared, into: sink) {
            EventStreamBody(interpreter: AnthropicEventInterpreter(requestedModel: model, redactor: redactor), redactor: redactor)
        }
    }
}
