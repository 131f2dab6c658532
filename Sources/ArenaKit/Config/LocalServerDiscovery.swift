import AsyncHTTPClient
import Foundation
import NIOCore

/// A local OpenAI-compatible server arena looks for at start-up.
public struct LocalServerCandidate: Sendable, Hashable {
    /// Short name used as the prefix of its models' names ("ollama" → "ollama/llama3.2").
    public var name: String
    /// The OpenAI-compatible base URL, such as `http://127.0.0.1:11434/v1`.
    var baseURL: String
    /// Whether to also try Ollama's native `GET /api/tags`.
    var isOllama: Bool

    public init(name: String, baseURL: String, isOllama: Bool = false) {
        self.name = name
        self.baseURL = baseURL
        self.isOllama = isOllama
    }

    /// Ollama (11434, or `OLLAMA_HOST`), llama.cpp (8080), vLLM (8000), LM Studio (1234).
    public static func defaults(environment: [String: String]) -> [LocalServerCandidate] {
        var ollama = "http://127.0.0.1:11434"
        if var host = environment["OLLAMA_HOST"]?.trimmingCharacters(in: .whitespaces), !host.isEmpty {
            if !host.contains("://") { host = "http://" + host }
            host = host.replacingOccurrences(of: "://0.0.0.0", with: "://127.0.0.1")
            if URLParts.host(of: host)?.contains(":") == false { host += ":11434" }
            ollama = URLParts.trimmingTrailingSlash(host)
        }
        return [
            LocalServerCandidate(name: "ollama", baseURL: ollama + "/v1", isOllama: true),
            LocalServerCandidate(name: "llama.cpp", baseURL: "http://127.0.0.1:8080/v1"),
            LocalServerCandidate(name: "vllm", baseURL: "http://127.0.0.1:8000/v1"),
            LocalServerCandidate(name: "lmstudio", baseURL: "http://127.0.0.1:1234/v1"),
        ]
    }
}

/// What discovery found on one local server.
public struct DiscoveredServer: Sendable, Hashable {
    var candidate: LocalServerCandidate
    /// The names the models were registered under.
    public var modelNames: [String]
}

extension ModelCatalog {
    /// Probes local servers in parallel with short timeouts (`GET {base}/models`, and Ollama's
    /// `/api/tags`) and registers each model found as `<server>/<model id>`, unless a model of
    /// that name exists. Meant to run in a background task at start-up; never throws.
    ///
    /// - Returns: the servers that answered, with the names registered.
    @discardableResult
    public func discoverLocalServers(
        into registry: ModelRegistry,
        candidates: [LocalServerCandidate]? = nil,
        timeout: Double = 1.5
    ) async -> [DiscoveredServer] {
        let candidates = candidates ?? LocalServerCandidate.defaults(environment: environment)
        let client = HTTPClients.client(connectTimeout: min(timeout, 0.5), endpoint: "http://127.0.0.1")
        let found = await withTaskGroup(of: (LocalServerCandidate, [String]).self) { group in
            for candidate in candidates {
                group.addTask { (candidate, await Self.listModels(of: candidate, client: client, timeout: timeout)) }
            }
            var results: [(LocalServerCandidate, [String])] = []
            for await result in group where !result.1.isEmpty { results.append(result) }
            return results
        }
        var servers: [DiscoveredServer] = []
        for (candidate, ids) in found.sorted(by: { $0.0.name < $1.0.name }) {
            var names: [String] = []
            for id in ids {
                let name = "\(candidate.name)/\(id)"
                if registry.descriptor(named: name) != nil { continue }
                let connection = ModelConnection(
                    name: name, provider: .openAI, origin: .discovered, endpoint: candidate.baseURL, model: id,
                    requestsStreamUsage: true
                )
                register(ModelSpec(connection: connection), into: registry)
                names.append(name)
            }
            servers.append(DiscoveredServer(candidate: candidate, modelNames: names))
        }
        return servers
    }

    private static func listModels(of candidate: LocalServerCandidate, client: HTTPClient, timeout: Double) async -> [String] {
        let base = URLParts.trimmingTrailingSlash(candidate.baseURL)
        if let json = await fetchJSON(base + "/models", client: client, timeout: timeout),
           let data = json["data"]?.arrayValue {
            let ids = data.compactMap { $0["id"]?.stringValue }
            if !ids.isEmpty { return ids }
        }
        if candidate.isOllama {
            let root = base.hasSuffix("/v1") ? String(base.dropLast(3)) : base
            if let json = await fetchJSON(root + "/api/tags", client: client, timeout: timeout),
               let models = json["models"]?.arrayValue {
                return models.compactMap { $0["name"]?.stringValue ?? $0["model"]?.stringValue }
            }
        }
        return []
    }

    private static func fetchJSON(_ url: String, client: HTTPClient, timeout: Double) async -> JSONValue? {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "accept", value: "application/json")
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            guard response.status.code == 200 else { return nil }
            let body = try await response.body.collect(upTo: 4 << 20)
            return try? JSONParser.parse(Array(buffer: body))
        } catch {
            return nil
        }
    }
}
