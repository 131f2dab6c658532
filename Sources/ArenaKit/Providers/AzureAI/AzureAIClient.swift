import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Streams answers from Azure AI Model Inference (the API behind the `azure-ai-inference`
/// SDK): serverless Models-as-a-Service endpoints, Foundry `.../models` endpoints and GitHub
/// Models. `POST {endpoint}/chat/completions?api-version=V` with both `Authorization: Bearer`
/// and `api-key`, `model` in the body when configured, and `extra-parameters: pass-through`
/// whenever extra body keys are configured.
package struct AzureAIClient: ModelClient {
    public let connection: ModelConnection
    private let transport: ChatCompletionsTransport
    private let endpoint: String
    private let apiVersion: String
    private let httpClient: HTTPClient

    /// Makes a client; `httpClient` defaults to a shared client honouring the connect timeout.
    public init(connection: ModelConnection, httpClient: HTTPClient? = nil) throws {
        self.connection = connection
        var endpoint = try connection.validatedEndpoint()
        var versionInURL: String?
        if let mark = endpoint.firstIndex(of: "?") {
            versionInURL = endpoint[endpoint.index(after: mark)...].split(separator: "&")
                .first { $0.hasPrefix("api-version=") }.map { String($0.dropFirst("api-version=".count)) }
            endpoint = String(endpoint[..<mark])
        }
        endpoint = URLParts.trimmingTrailingSlash(endpoint)
        if endpoint.hasSuffix("/chat/completions") { endpoint.removeLast("/chat/completions".count) }
        self.endpoint = endpoint
        apiVersion = connection.apiVersion ?? versionInURL ?? "2024-05-01-preview"
        let client = httpClient ?? HTTPClients.client(connectTimeout: connection.timeouts.connect, endpoint: endpoint)
        self.httpClient = client
        transport = ChatCompletionsTransport(connection: connection, httpClient: client, requestedModel: connection.model)
    }

    public var descriptor: ModelDescriptor { connection.descriptor() }

    public func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws {
        let body = ChatCompletionsBody(
            model: connection.model,
            includeUsage: false,
            extraBody: connection.extraBody
        ).make(for: request, settings: connection.effectiveSettings(for: request))
        var headers = authorizedHeaders()
        if !connection.extraBody.members.isEmpty {
            headers.replaceOrAdd(name: "extra-parameters", value: "pass-through")
        }
        let url = endpoint + "/chat/completions?api-version=\(URLParts.queryEscaped(apiVersion))"
        let prepared = PreparedRequest(url: url, headers: headers, json: body)
        try await transport.stream(prepared, into: sink)
    }

    /// Asks the endpoint which model it serves (`GET /info`), to show the real model name and
    /// provider. Throws a ``ProviderError`` when the endpoint cannot say.
    public func info() async throws -> AzureAIModelInfo {
        var url = endpoint + "/info?api-version=\(URLParts.queryEscaped(apiVersion))"
        if let model = connection.model, !model.isEmpty { url += "&model=\(URLParts.queryEscaped(model))" }
        var request = PreparedRequest(url: url, method: .GET, headers: authorizedHeaders())
        request.headers.replaceOrAdd(name: "accept", value: "application/json")
        let redactor = SecretRedactor([connection.key])
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request.makeClientRequest(), timeout: .seconds(Int64(max(1, connection.timeouts.firstToken))))
        } catch {
            try Task.checkCancellation()
            throw ConnectionFailure.providerError(for: error, host: request.host, connectTimeout: connection.timeouts.connect)
        }
        let bytes = Array(buffer: try await response.body.collect(upTo: 1 << 20))
        guard response.status.code == 200 else {
            throw ErrorBody.providerError(status: Int(response.status.code), body: bytes, redactor: redactor)
        }
        guard let json = try? JSONParser.parse(bytes), let name = json["model_name"]?.stringValue else {
            throw ProviderError.malformedResponse(detail: "/info did not name a model")
        }
        return AzureAIModelInfo(
            modelName: name,
            modelType: json["model_type"]?.stringValue,
            providerName: json["model_provider_name"]?.stringValue
        )
    }

    private func authorizedHeaders() -> HTTPHeaders {
        var headers = ChatCompletionsTransport.baseHeaders(connection)
        if let key = connection.key, !key.isEmpty {
            headers.replaceOrAdd(name: "authorization", value: "Bearer \(key.secret)")
            headers.replaceOrAdd(name: "api-key", value: key.secret)
        }
        if let deployment = connection.deployment, !deployment.isEmpty {
            headers.replaceOrAdd(name: "azureml-model-deployment", value: deployment)
        }
        return headers
    }
}

/// What an Azure AI Model Inference endpoint says about itself (`GET /info`).
package struct AzureAIModelInfo: Sendable, Hashable {
    /// The model's real name, such as "Meta-Llama-3.1-405B-Instruct".
    var modelName: String
    /// The kind of model, free text ("chat_completion", "chat-completion", ...).
    var modelType: String?
    /// Who made the model, such as "Meta".
    var providerName: String?

    public init(modelName: String, modelType: String? = nil, providerName: String? = nil) {
        self.modelName = modelName
        self.modelType = modelType
        self.providerName = providerName
    }

    /// "Meta-Llama-3.1-405B-Instruct (Meta)", for display.
    var displayText: String {
        providerName.map { "\(modelName) (\($0))" } ?? modelName
    }
}
