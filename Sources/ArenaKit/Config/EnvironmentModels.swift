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

    /// An `<NAME>_ENDPOINT` variable that did not become a model, and why (`arena models --all`).
    public struct LeftOut: Sendable, Hashable, CustomStringConvertible {
        /// The variable, e.g. `COSMOS_ENDPOINT`.
        public var variable: String
        /// Why it is not a model.
        public var reason: String

        public var description: String { "\(variable): \(reason)" }
    }

    /// The model specs `environment` describes, sorted by name; what a `.env` tried that was
    /// refused (an endpoint or base URL from a `.env` is used only with a key from the same
    /// `.env`, so the user's own key never travels to a host that file chose); and the
    /// `<NAME>_ENDPOINT` variables that are not chat endpoints (``ChatEndpointShape``).
    public static func specs(in environment: ConfigEnvironment) -> (specs: [ModelSpec], warnings: [ConfigWarning], leftOut: [LeftOut]) {
        var specs: [ModelSpec] = []
        var warnings: [ConfigWarning] = []
        var leftOut: [LeftOut] = []
        let variables = environment.merged
        for (variable, endpoint) in variables where variable.hasSuffix("_ENDPOINT") {
            let prefix = String(variable.dropLast("_ENDPOINT".count))
            guard !prefix.isEmpty else { continue }
            let trimmed = endpoint.trimmingCharacters(in: .whitespaces)
            let keyVariable = variables[prefix + "_KEY"] != nil ? prefix + "_KEY" : prefix + "_API_KEY"
            let isNamed = variables[prefix + "_MODEL"] != nil || deployment(prefix: prefix, in: variables) != nil
            if let reason = ChatEndpointShape.reasonLeftOut(trimmed, isNamed: isNamed) {
                leftOut.append(LeftOut(variable: variable, reason: reason))
                continue
            }
            if let keyValue = variables[keyVariable] {
                if let refusal = refusal(endpoint: variable, key: keyVariable, in: environment) {
                    warnings.append(refusal)
                    continue
                }
                specs.append(spec(prefix: prefix, endpoint: trimmed, key: keyValue, environment: variables))
            } else if isLocal(trimmed) {
                // Local servers (Ollama, llama.cpp, vLLM, LM Studio) need no key.
                specs.append(spec(prefix: prefix, endpoint: trimmed, key: nil, environment: variables))
            } else {
                var missing = spec(prefix: prefix, endpoint: trimmed, key: nil, environment: variables)
                missing.problem = "\(prefix)_KEY is not set"
                specs.append(missing)
            }
        }
        specs.sort { $0.connection.name < $1.connection.name }
        warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        leftOut.sort { $0.variable < $1.variable }
        let vendors: [(key: String, base: String, defaultBase: String, provider: ProviderKind, models: [String])] = [
            ("OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1", .openAI, openAIModels),
            ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com", .anthropic, anthropicModels),
        ]
        for vendor in vendors {
            guard let key = variables[vendor.key], !key.isEmpty else { continue }
            var base = variables[vendor.base].flatMap { $0.isEmpty ? nil : $0 } ?? vendor.defaultBase
            if let refusal = refusal(endpoint: vendor.base, key: vendor.key, in: environment) {
                warnings.append(refusal)
                base = vendor.defaultBase
            }
            for model in vendor.models {
                let connection = ModelConnection(name: model, provider: vendor.provider, origin: .environment, endpoint: base, model: model, key: APIKey(key))
                specs.append(ModelSpec(connection: connection, keySource: .environment(vendor.key)))
            }
        }
        return (specs, warnings, leftOut)
    }

    /// The warning when the `.env` set `endpoint` but the key that would go there came from
    /// elsewhere (the user's own environment).
    private static func refusal(endpoint: String, key: String, in environment: ConfigEnvironment) -> ConfigWarning? {
        guard let line = environment.dotEnvLine(of: endpoint), !environment.isDotEnvOwn(key) else { return nil }
        let source = environment.dotEnvLine(of: key) == nil ? "comes from your own environment" : "expands variables of your own environment"
        return ConfigWarning(file: environment.dotEnvPath, line: line, message:
            "\(endpoint) is ignored: it would send \(key), which \(source), to a host this .env chose (define both in .env, or neither)")
    }

    /// The arena name for a variable prefix: `GPT_4O` → `gpt-4o`.
    public static func modelName(forPrefix prefix: String) -> String {
        prefix.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    private static func isLocal(_ endpoint: String) -> Bool {
        guard let host = URLParts.host(of: endpoint) else { return false }
        return ["localhost", "127.0.0.1", "[::1]"].contains { host == $0 || host.hasPrefix($0 + ":") }
    }

    private static func spec(prefix: String, endpoint: String, key: String?, environment: [String: String]) -> ModelSpec {
        let name = modelName(forPrefix: prefix)
        let provider = ProviderInference.provider(for: endpoint)
        var connection = ModelConnection(name: name, provider: provider, origin: .environment, endpoint: endpoint, key: key.map { APIKey($0) })
        connection.apiVersion = apiVersion(prefix: prefix, in: environment)
        connection.model = environment[prefix + "_MODEL"]
        connection.deployment = deployment(prefix: prefix, in: environment)
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

    /// The deployment named for `prefix`: `<P>_DEPLOYMENT`, or the names the Azure OpenAI
    /// samples and Semantic Kernel use (`<P>_CHAT_DEPLOYMENT_NAME`, `<P>_DEPLOYMENT_NAME`,
    /// `<P>_CHAT_DEPLOYMENT`).
    static func deployment(prefix: String, in environment: [String: String]) -> String? {
        ["_DEPLOYMENT", "_CHAT_DEPLOYMENT_NAME", "_DEPLOYMENT_NAME", "_CHAT_DEPLOYMENT"].lazy
            .compactMap { environment[prefix + $0] }.first { !$0.isEmpty }
    }

    /// The API version for `prefix`: for `AZURE_OPENAI`, `OPENAI_API_VERSION` first (what the
    /// Azure OpenAI SDKs read); then `<P>_API_VERSION`.
    static func apiVersion(prefix: String, in environment: [String: String]) -> String? {
        let names = (prefix == "AZURE_OPENAI" ? ["OPENAI_API_VERSION"] : []) + [prefix + "_API_VERSION"]
        return names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }
}
