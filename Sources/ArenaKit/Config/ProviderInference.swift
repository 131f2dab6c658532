/// Guesses the provider from an endpoint URL, for models found in the environment:
/// `/openai/deployments/` or an Azure OpenAI resource host → azure-openai, `api.anthropic.com`
/// → anthropic, `/v1` bases (local servers and known OpenAI-compatible services) → openai,
/// anything else → azure-ai.
enum ProviderInference {
    /// Hosts of services that speak the OpenAI API.
    static let openAICompatibleHosts: Set<String> = [
        "api.openai.com", "openrouter.ai", "api.groq.com", "api.deepseek.com", "api.mistral.ai",
        "generativelanguage.googleapis.com", "api.together.xyz", "api.fireworks.ai",
    ]
    /// Default ports of local OpenAI-compatible servers: Ollama, llama.cpp, vLLM, LM Studio.
    static let localServerPorts: Set<Int> = [11434, 8080, 8000, 1234]

    /// True when `url` points at this machine (localhost, 127.0.0.1, ::1, 0.0.0.0).
    public static func isLocal(_ url: String) -> Bool {
        var authority = URLParts.host(of: url.lowercased()) ?? ""
        if authority.hasPrefix("[") {
            authority = String(authority.dropFirst().prefix { $0 != "]" })
            return authority == "::1"
        }
        let host = authority.split(separator: ":").first.map(String.init) ?? authority
        return ["localhost", "127.0.0.1", "0.0.0.0"].contains(host)
    }

    /// The provider an endpoint URL most likely belongs to.
    public static func provider(for url: String) -> ProviderKind {
        let lowered = url.lowercased()
        if lowered.contains("/openai/deployments/") { return .azureOpenAI }
        let authority = URLParts.host(of: lowered) ?? ""
        let host = authority.split(separator: ":").first.map(String.init) ?? authority
        if host == "api.anthropic.com" { return .anthropic }
        if ChatEndpointShape.isAzureOpenAIResource(host) { return .azureOpenAI }
        if openAICompatibleHosts.contains(host) { return .openAI }
        var path = lowered
        if let schemeEnd = path.range(of: "://") { path = String(path[schemeEnd.upperBound...]) }
        path = path.firstIndex(of: "/").map { String(path[$0...]) } ?? ""
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = URLParts.trimmingTrailingSlash(path)
        if path.hasSuffix("/chat/completions") { path.removeLast("/chat/completions".count) }
        let isLocalHost = ["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"].contains(host) || host.hasSuffix(".local")
        let port = authority.split(separator: ":").last.flatMap { Int($0) }
        if path.hasSuffix("/v1") && (isLocalHost || port.map(localServerPorts.contains) == true) { return .openAI }
        if path.hasSuffix("/v1") && !host.hasSuffix(".azure.com") { return .openAI }
        return .azureAI
    }
}
