import AsyncHTTPClient
import NIOHTTP1

/// Streams answers from OpenAI or any OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM
/// Studio, OpenRouter, Groq, DeepSeek, Mistral, Gemini's compatible endpoint):
/// `POST {base}/chat/completions` with `Authorization: Bearer <key>`.
package struct OpenAIClient: ModelClient {
    public let connection: ModelConnection
    private let transport: ChatCompletionsTransport
    private let url: String

    /// Makes a client; `httpClient` defaults to a shared client honouring the connect timeout.
    public init(connection: ModelConnection, httpClient: HTTPClient? = nil) throws {
        self.connection = connection
        var base = try connection.validatedEndpoint()
        if base.hasSuffix("/chat/completions") { base.removeLast("/chat/completions".count) }
        url = base + "/chat/completions"
        transport = ChatCompletionsTransport(connection: connection, httpClient: httpClient, requestedModel: connection.model ?? connection.name)
    }

    public var descriptor: ModelDescriptor { connection.descriptor() }

    public func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws {
        let isOpenAI = URLParts.host(of: url) == "api.openai.com"
        let body = ChatCompletionsBody(
            model: connection.model ?? connection.name,
            maxTokensKey: isOpenAI ? "max_completion_tokens" : "max_tokens",
            includeUsage: connection.requestsStreamUsage,
            extraBody: connection.extraBody
        ).make(for: request, settings: connection.effectiveSettings(for: request))
        var headers = ChatCompletionsTransport.baseHeaders(connection)
        if let key = connection.key, !key.isEmpty {
            headers.replaceOrAdd(name: "authorization", value: "Bearer \(key.secret)")
        }
        let prepared = PreparedRequest(url: url, headers: headers, json: body)
        try await transport.stream(prepared, into: sink)
    }
}
