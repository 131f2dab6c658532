/// Models arena finds in the environment with no configuration file, the way users of the
/// Azure AI "Models-as-a-Service arena" notebook set things up:
///
/// - every `<NAME>_ENDPOINT` with a `<NAME>_KEY` becomes model `<name>` (lower case, `_` → `-`),
///   its provider inferred from the URL; optional `<NAME>_MODEL`, `<NAME>_DEPLOYMENT` and
///   `<NAME>_API_VERSION` refine it;
/// - `OPENAI_API_KEY` enables OpenAI's usual models (`OPENAI_BASE_URL` moves them);
/// - `ANTHROPIC_API_KEY` enables Anthropic's usual models (`ANTHROPIC_BASE_URL` moves them).
public enum EnvironmentModels {
    /// The OpenAI models `OPENAI_API_KEY` enables.
    public static let openAIModels = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"]
    /// The Anthropic models `ANTHROPIC_API_KEY` enables.
    public static let anthropicModels = ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"]

    /// The model specs `environment` describes, sorted by name.
    public static func specs(in environment: [String: String]) -> [ModelSpec] {
        var specs: [ModelSpec] = []
        for (variable, endpoint) in environment where variable.hasSuffix("_ENDPOINT") {
            let prefix = String(variable.dropLast("_ENDPOINT".count))
            guard !prefix.isEmpty else { continue }
            let trimmed = endpoint.trimmingCharacters(in: .whitespaces)
            if let keyValue = environment[prefix + "_KEY"] ?? environment[prefix + "_API_KEY"] {
                specs.append(spec(prefix: prefix, endpoint: trimmed, key: keyValue, environment: environment))
            } else if isLocal(trimmed) {
                // Local servers (Ollama, llama.cpp, vLLM, LM Studio) need no key.
                specs.append(spec(prefix: prefix, endpoint: trimmed, key: nil, environment: environment))
            } else if looksLikeModelEndpoint(trimmed) {
                var missing = spec(prefix: prefix, endpoint: trimmed, key: nil, environment: environment)
                missing.problem = "\(prefix)_KEY is not set"
                specs.append(missing)
            }
        }
        specs.sort { $0.connection.name < $1.connection.name }
        if let key = environment["OPENAI_API_KEY"], !key.isEmpty {
            let base = environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.openai.com/v1"
            for model in openAIModels {
                let connection = ModelConnection(name: model, provider: .openAI, origin: .environment, endpoint: base, model: model, key: APIKey(key))
                specs.append(ModelSpec(connection: connection, keySource: .environment("OPENAI_API_KEY")))
            }
        }
        if let key = environment["ANTHROPIC_API_KEY"], !key.isEmpty {
            let base = environment["ANTHROPIC_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.anthropic.com"
            for model in anthropicModels {
                let connection = ModelConnection(name: model, provider: .anthropic, origin: .environment, endpoint: base, model: model, key: APIKey(key))
                specs.append(ModelSpec(connection: connection, keySource: .environment("ANTHROPIC_API_KEY")))
            }
        }
        return specs
    }

    /// The arena name for a variable prefix: `GPT_4O` → `gpt-4o`.
    public static func modelName(forPrefix prefix: String) -> String {
        prefix.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    private static func isLocal(_ endpoint: String) -> Bool {
        guard let host = URLParts.host(of: endpoint) else { return false }
        return ["localhost", "127.0.0.1", "[::1]"].contains { host == $0 || host.hasPrefix($0 + ":") }
    }

    private static func looksLikeModelEndpoint(_ endpoint: String) -> Bool {
        let markers = ["models.ai.azure.com", "inference.ai.azure.com", "openai.azure.com", "services.ai.azure.com",
                       "api.openai.com", "api.anthropic.com", "/openai/deployments/", "/v1"]
        return markers.contains { endpoint.contains($0) }
    }

    private static func spec(prefix: String, endpoint: String, key: String?, environment: [String: String]) -> ModelSpec {
        let name = modelName(forPrefix: prefix)
        let provider = ProviderInference.provider(for: endpoint)
        var connection = ModelConnection(name: name, provider: provider, origin: .environment, endpoint: endpoint, key: key.map { APIKey($0) })
        connection.apiVersion = environment[prefix + "_API_VERSION"]
        connection.model = environment[prefix + "_MODEL"]
        connection.deployment = environment[prefix + "_DEPLOYMENT"]
        var problems: [String] = []
        if !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) || URLParts.host(of: endpoint) == nil {
            problems.append("\(prefix)_ENDPOINT is not an http(s) URL")
        }
        if let key, key.isEmpty { problems.append("\(prefix)_KEY is empty") }
        switch provider {
        case .azureOpenAI:
            let parsed = AzureDeploymentURL(endpoint)
            if connection.deployment == nil { connection.deployment = parsed.deployment }
            if connection.apiVersion == nil { connection.apiVersion = parsed.apiVersion }
        case .openAI, .anthropic:
            if connection.model == nil { connection.model = name }
        case .azureAI, .builtIn:
            break
        }
        let variable = environment[prefix + "_KEY"] != nil ? prefix + "_KEY" : prefix + "_API_KEY"
        return ModelSpec(connection: connection, keySource: .environment(variable), problem: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }
}
