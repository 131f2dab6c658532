/// The kind of service a model is reached through.
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// arena's own offline models.
    case builtIn = "built-in"
    /// Azure AI Model Inference (serverless Models-as-a-Service, Foundry, GitHub Models).
    case azureAI = "azure-ai"
    /// An Azure OpenAI deployment.
    case azureOpenAI = "azure-openai"
    /// OpenAI or any OpenAI-compatible server.
    case openAI = "openai"
    /// Anthropic's Messages API.
    case anthropic = "anthropic"
}

/// Where arena learned of a model.
public enum ModelOrigin: String, Sendable, Hashable, Codable {
    case builtIn = "built-in"
    case file
    case environment
    case discovered
}

/// What arena knows about one model it can put in the ring, without any secret.
public struct ModelDescriptor: Sendable, Hashable, Codable {
    /// The name people type in `/models`, unique among all models.
    public var name: String
    public var provider: ProviderKind
    public var origin: ModelOrigin
    /// The host of the endpoint, shown in listings; `nil` for built-in models.
    public var endpointHost: String?
    /// The model or deployment id sent to the provider, when it differs from `name`.
    public var remoteModel: String?
    /// The API version used, for the providers that have one.
    var apiVersion: String?
    /// Why the model cannot be used as configured (missing key, bad URL), or `nil` when it can.
    public var problem: String?
    /// One line saying what the model is, for listings.
    public var summary: String?

    public init(
        name: String,
        provider: ProviderKind,
        origin: ModelOrigin,
        endpointHost: String? = nil,
        remoteModel: String? = nil,
        apiVersion: String? = nil,
        problem: String? = nil,
        summary: String? = nil
    ) {
        self.name = name
        self.provider = provider
        self.origin = origin
        self.endpointHost = endpointHost
        self.remoteModel = remoteModel
        self.apiVersion = apiVersion
        self.problem = problem
        self.summary = summary
    }

    /// The name with a "(built-in)" mark for arena's own models, as listings show it.
    public var displayName: String {
        provider == .builtIn ? "\(name) (built-in)" : name
    }
}
