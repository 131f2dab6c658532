/// Which provider the test server imitates: its paths, auth headers, chunk shapes and errors.
public enum TestDialect: Sendable, Hashable {
    /// OpenAI and compatible servers (vLLM, llama.cpp, Ollama `/v1`): `POST /v1/chat/completions`
    /// with `Authorization: Bearer`; `GET /v1/models`; Ollama's `GET /api/tags` too.
    case openAI
    /// Azure AI Model Inference: `POST /chat/completions?api-version=` with `Authorization:
    /// Bearer` or `api-key`; `GET /info`.
    case azureAI
    /// Azure OpenAI: `POST /openai/deployments/<deployment>/chat/completions?api-version=` with
    /// `api-key`; rejects `stream_options` on API versions before 2024-09-01-preview.
    case azureOpenAI(deployment: String)
    /// Anthropic Messages: `POST /v1/messages` with `x-api-key` and `anthropic-version`.
    case anthropic
}

/// One request as the test server received it, for assertions.
public struct RecordedRequest: Sendable, Hashable {
    public var method: String
    /// The path without the query.
    public var path: String
    /// The query parameters (percent-decoded).
    public var query: [String: String]
    /// Header names (lower-cased) and values, in order.
    public var headers: [HeaderField]
    public var body: [UInt8]

    /// One header line.
    public struct HeaderField: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }

    /// The body as text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
