/// Everything a provider client needs to reach one model: where, as whom, and with which
/// defaults. Made by the configuration loader (or by hand in tests); holds the key as an
/// ``APIKey``, which never prints.
public struct ModelConnection: Sendable, Hashable {
    /// The name people use for the model in arena.
    public var name: String
    public var provider: ProviderKind
    public var origin: ModelOrigin
    /// The endpoint (azure-ai), base URL (openai, anthropic) or resource URL (azure-openai).
    public var endpoint: String
    /// The model id sent in the body (openai, anthropic; azure-ai when set, as Foundry and
    /// GitHub Models need it).
    public var model: String?
    /// The Azure OpenAI deployment; for azure-ai, sent as `azureml-model-deployment`.
    public var deployment: String?
    public var apiVersion: String?
    public var key: APIKey?
    /// Headers added to every request.
    public var extraHeaders: [String: String]
    /// Body keys added to (and overriding) every request body.
    public var extraBody: JSONObject
    /// Settings used where the request leaves a field unset.
    public var defaults: GenerationSettings
    public var timeouts: ProviderTimeouts
    public var retry: RetryPolicy
    /// Whether to ask OpenAI-compatible servers for usage with `stream_options` (some reject it).
    public var requestsStreamUsage: Bool

    public init(
        name: String,
        provider: ProviderKind,
        origin: ModelOrigin = .file,
        endpoint: String,
        model: String? = nil,
        deployment: String? = nil,
        apiVersion: String? = nil,
        key: APIKey? = nil,
        extraHeaders: [String: String] = [:],
        extraBody: JSONObject = JSONObject(),
        defaults: GenerationSettings = GenerationSettings(),
        timeouts: ProviderTimeouts = ProviderTimeouts(),
        retry: RetryPolicy = RetryPolicy(),
        requestsStreamUsage: Bool = true
    ) {
        self.name = name
        self.provider = provider
        self.origin = origin
        self.endpoint = endpoint
        self.model = model
        self.deployment = deployment
        self.apiVersion = apiVersion
        self.key = key
        self.extraHeaders = extraHeaders
        self.extraBody = extraBody
        self.defaults = defaults
        self.timeouts = timeouts
        self.retry = retry
        self.requestsStreamUsage = requestsStreamUsage
    }

    /// The API version actually used: the configured one or the provider's default.
    public var effectiveAPIVersion: String? {
        if let apiVersion, !apiVersion.isEmpty { return apiVersion }
        switch provider {
        case .azureAI: return "2024-05-01-preview"
        case .azureOpenAI: return "2024-10-21"
        case .anthropic: return "2023-06-01"
        case .openAI, .builtIn: return nil
        }
    }

    /// The descriptor listings show for this model (never with the key).
    public func descriptor(problem: String? = nil) -> ModelDescriptor {
        ModelDescriptor(
            name: name,
            provider: provider,
            origin: origin,
            endpointHost: URLParts.host(of: endpoint),
            remoteModel: provider == .azureOpenAI ? deployment : model,
            apiVersion: effectiveAPIVersion,
            problem: problem,
            summary: nil
        )
    }

    /// The client for this model's provider.
    public func makeClient(httpClient: HTTPClient? = nil) throws -> any ModelClient {
        switch provider {
        case .openAI: return try OpenAIClient(connection: self, httpClient: httpClient)
        case .azureOpenAI: return try AzureOpenAIClient(connection: self, httpClient: httpClient)
        case .azureAI: return try AzureAIClient(connection: self, httpClient: httpClient)
        case .anthropic: return try AnthropicClient(connection: self, httpClient: httpClient)
        case .builtIn: throw ProviderError.misconfigured(detail: "\(name): built-in models are not configured by connection")
        }
    }

    /// The settings to send: the request's, with this model's defaults where it sets nothing.
    func effectiveSettings(for request: ChatRequest) -> GenerationSettings {
        defaults.overlaid(by: request.settings)
    }

    /// Throws unless the endpoint is an absolute http(s) URL.
    func validatedEndpoint() throws -> String {
        let trimmed = URLParts.trimmingTrailingSlash(endpoint.trimmingCharacters(in: .whitespaces))
        guard trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://"), URLParts.host(of: trimmed) != nil else {
            throw ProviderError.misconfigured(detail: "\(name): endpoint is not an http(s) URL")
        }
        return trimmed
    }
}

import AsyncHTTPClient
