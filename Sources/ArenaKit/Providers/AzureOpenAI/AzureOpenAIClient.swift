import AsyncHTTPClient
import NIOHTTP1

/// Streams answers from an Azure OpenAI deployment:
/// `POST {resource}/openai/deployments/{deployment}/chat/completions?api-version=V` with the
/// `api-key` header. Usage is requested (`stream_options`) only on API versions that accept
/// it (2024-09-01-preview and later).
package struct AzureOpenAIClient: ModelClient {
    public let connection: ModelConnection
    private let transport: ChatCompletionsTransport
    private let url: String
    private let apiVersion: String

    /// Makes a client. The endpoint is the resource URL (`https://<res>.openai.azure.com`) with
    /// `deployment` set, or a whole deployment URL.
    public init(connection: ModelConnection, httpClient: HTTPClient? = nil) throws {
        self.connection = connection
        let endpoint = try connection.validatedEndpoint()
        let parsed = AzureDeploymentURL(endpoint)
        guard let deployment = connection.deployment ?? parsed.deployment, !deployment.isEmpty else {
            throw ProviderError.misconfigured(detail: "\(connection.name): an azure-openai model needs a deployment")
        }
        apiVersion = connection.apiVersion ?? parsed.apiVersion ?? connection.effectiveAPIVersion ?? "2024-10-21"
        url = parsed.resource + "/openai/deployments/\(URLParts.queryEscaped(deployment))/chat/completions?api-version=\(URLParts.queryEscaped(apiVersion))"
        transport = ChatCompletionsTransport(connection: connection, httpClient: httpClient, requestedModel: connection.model)
    }

    public var descriptor: ModelDescriptor { connection.descriptor() }

    /// True for API versions that accept `stream_options` (2024-09-01-preview and later).
    static func acceptsStreamOptions(_ apiVersion: String) -> Bool {
        String(apiVersion.prefix(10)) >= "2024-09-01"
    }

    public func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws {
        let body = ChatCompletionsBody(
            model: nil,
            includeUsage: connection.requestsStreamUsage && Self.acceptsStreamOptions(apiVersion),
            extraBody: connection.extraBody
        ).make(for: request, settings: connection.effectiveSettings(for: request))
        var headers = ChatCompletionsTransport.baseHeaders(connection)
        if let key = connection.key, !key.isEmpty {
            headers.replaceOrAdd(name: "api-key", value: key.secret)
        }
        let prepared = PreparedRequest(url: url, headers: headers, json: body)
        try await transport.stream(prepared, into: sink)
    }
}

/// The parts of an Azure OpenAI URL: the resource, and the deployment and API version when
/// the URL names them (`.../openai/deployments/<d>/chat/completions?api-version=V`).
struct AzureDeploymentURL: Sendable, Hashable {
    var resource: String
    var deployment: String?
    var apiVersion: String?

    init(_ url: String) {
        var path = url
        var query = ""
        if let mark = url.firstIndex(of: "?") {
            path = String(url[..<mark])
            query = String(url[url.index(after: mark)...])
        }
        path = URLParts.trimmingTrailingSlash(path)
        apiVersion = query.split(separator: "&").first { $0.hasPrefix("api-version=") }
            .map { String($0.dropFirst("api-version=".count)) }
        if let range = path.range(of: "/openai/deployments/") {
            resource = String(path[..<range.lowerBound])
            let rest = path[range.upperBound...]
            let name = rest.split(separator: "/").first.map(String.init)
            deployment = name.flatMap { $0.removingPercentEncoding ?? $0 }
        } else {
            resource = path
            deployment = nil
        }
    }
}

import Foundation
