/// Whether a `<NAME>_ENDPOINT` variable is a chat model's endpoint. A notebook's (or any
/// project's) environment holds endpoints of every kind: Cosmos DB, AI Search, Storage, an
/// Azure AI project. Only those shaped like the chat endpoints arena speaks to become models:
///
/// - this machine (a local server),
/// - an Azure OpenAI deployment URL (`…/openai/deployments/<d>…`), or an Azure OpenAI resource
///   root (`https://<r>.openai.azure.com`, `https://<r>.cognitiveservices.azure.com`) given a
///   deployment,
/// - Azure AI serverless (`*.models.ai.azure.com`), Foundry (`*.services.ai.azure.com/models`),
///   GitHub Models (`models.inference.ai.azure.com`, `models.github.ai`),
/// - OpenAI, Anthropic and the known OpenAI-compatible hosts, any `/v1` base or
///   `…/chat/completions` URL,
/// - or any URL at all when the user named the model (`<NAME>_MODEL` or a deployment).
enum ChatEndpointShape {
    /// Nil when `endpoint` may be a chat endpoint; otherwise why it is left out.
    /// `isNamed` tells that the user gave the model or deployment name for it.
    static func reasonLeftOut(_ endpoint: String, isNamed: Bool) -> String? {
        if isNamed || ProviderInference.isLocal(endpoint) { return nil }
        let lowered = endpoint.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let authority = URLParts.host(of: lowered) else {
            return nil // not a URL at all: kept, and reported as a model that cannot be used
        }
        let host = authority.split(separator: ":").first.map(String.init) ?? authority
        let path = self.path(of: lowered)
        if path.contains("/openai/deployments/") || path.hasSuffix("/chat/completions") { return nil }
        if isAzureOpenAIResource(host) {
            return path.isEmpty || path == "/openai"
                ? "an Azure OpenAI resource without a deployment: set the deployment's name"
                : "not an Azure OpenAI chat URL (…/openai/deployments/<deployment>)"
        }
        if host.hasSuffix(".models.ai.azure.com") || ["models.inference.ai.azure.com", "models.github.ai"].contains(host) { return nil }
        if host.hasSuffix(".services.ai.azure.com") {
            return path.hasPrefix("/models") ? nil : "an Azure AI Foundry URL that is not the model inference endpoint (…/models)"
        }
        if host == "api.anthropic.com" || ProviderInference.openAICompatibleHosts.contains(host) { return nil }
        if path.hasSuffix("/v1") || path.contains("/v1/") { return nil }
        return "not a chat endpoint URL (\(host))"
    }

    /// An Azure OpenAI (or Azure AI Services) resource host.
    static func isAzureOpenAIResource(_ host: String) -> Bool {
        host.hasSuffix(".openai.azure.com") || host.hasSuffix(".cognitiveservices.azure.com")
    }

    /// The URL's path without query or trailing `/` ("" for the root).
    private static func path(of url: String) -> String {
        var rest = url
        if let schemeEnd = rest.range(of: "://") { rest = String(rest[schemeEnd.upperBound...]) }
        rest = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = String(rest[..<query]) }
        return URLParts.trimmingTrailingSlash(rest)
    }
}
