import ArenaTestServer
import Testing
@testable import ArenaKit

/// Proxies as curl reads them: which variable for which URL, NO_PROXY matching, and requests
/// really going through a loopback proxy.
@Suite struct ProxyTests {
    @Test func eachSchemeTakesItsOwnVariableLowerCaseFirst() {
        let settings = ProxySettings(environment: [
            "http_proxy": "http://lower:3128", "HTTP_PROXY": "http://upper:3128", "HTTPS_PROXY": "secure.proxy:8443",
        ])
        #expect(settings.server(for: "http://api.example.com/v1")?.host == "lower")
        #expect(settings.server(for: "https://api.example.com/v1") == .init(kind: .http, host: "secure.proxy", port: 8443))
        let fallback = ProxySettings(environment: ["ALL_PROXY": "socks5h://sock:1081"])
        #expect(fallback.server(for: "https://api.example.com") == .init(kind: .socks5, host: "sock", port: 1081))
        #expect(ProxySettings(environment: [:]).server(for: "https://api.example.com") == nil)
    }

    @Test func credentialsAndPortsAreRead() throws {
        let server = try #require(ProxySettings.parse("http://me:p%40ss@proxy.corp:8080/"))
        #expect(server == .init(kind: .http, host: "proxy.corp", port: 8080, username: "me", password: "p@ss"))
        #expect(ProxySettings.parse("proxy.corp")?.port == 1080)
        #expect(ProxySettings.parse("http://[::1]:3128")?.host == "::1")
    }

    @Test func anUnusableProxyIsNamedWithoutItsCredentials() {
        let problem = ProxySettings(environment: ["HTTPS_PROXY": "https://me:secret@proxy:443"]).problem
        #expect(problem?.variable == "HTTPS_PROXY")
        #expect(problem?.description.contains("secret") == false)
        #expect(ProxySettings(environment: ["HTTPS_PROXY": "http://proxy:99999"]).problem != nil)
        #expect(ProxySettings(environment: ["HTTPS_PROXY": "http://proxy:3128"]).problem == nil)
    }

    @Test(arguments: [
        ("example.com", "example.com", 443, true),
        ("example.com", "api.example.com", 443, true),
        (".example.com", "api.example.com", 443, true),
        ("example.com", "notexample.com", 443, false),
        ("example.com.", "EXAMPLE.com", 443, true),
        ("*", "anything.test", 443, true),
        ("a.test, b.test", "b.test", 443, true),
        ("a.test,,b.test", "c.test", 443, false),
        ("example.com:8443", "example.com", 8443, true),
        ("example.com:8443", "example.com", 443, false),
        ("10.0.0.0/8", "10.1.2.3", 443, true),
        ("10.0.0.0/8", "11.1.2.3", 443, false),
        ("192.168.1.5", "192.168.1.5", 443, true),
        ("fd00::/8", "fd12::1", 443, true),
        ("", "localhost", 443, true),
        ("", "127.0.0.2", 443, true),
        ("", "::1", 443, true),
        ("", "api.example.com", 443, false),
    ])
    func noProxyMatchesAsCurlDoes(noProxy: String, host: String, port: Int, bypassed: Bool) {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": noProxy])
        #expect(settings.bypasses(host: host.lowercased(), port: port) == bypassed)
        let url = host.contains(":") ? "https://[\(host)]:\(port)/v1" : "https://\(host):\(port)/v1"
        #expect((settings.server(for: url) == nil) == bypassed)
    }

    @Test func aPlainHTTPRequestGoesThroughTheProxy() async throws {
        try await withServer(.openAI) { server, port in
            let proxy = TestProxy()
            let proxyPort = try await proxy.start()
            defer { Task { await proxy.shutdown() } }
            let endpoint = "http://model.arena-proxy.invalid:\(port)/v1"
            let settings = ProxySettings(environment: ["HTTP_PROXY": "http://127.0.0.1:\(proxyPort)"])
            let client = HTTPClients.client(connectTimeout: 2, endpoint: endpoint, proxies: settings)
            let connection = ModelConnection(name: "proxied", provider: .openAI, endpoint: endpoint, model: "test-model", key: APIKey("test-key"), timeouts: testTimeouts)
            let (sink, error) = await run(try OpenAIClient(connection: connection, httpClient: client))
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
            // AsyncHTTPClient tunnels plain HTTP through the proxy too (CONNECT), as curl's
            // --proxytunnel does; the name reaches the proxy unresolved.
            #expect(proxy.requestLines == ["CONNECT model.arena-proxy.invalid:\(port)"])
            #expect(server.requests.first?.header("authorization") == "Bearer test-key")
        }
    }

    @Test func anHTTPSRequestAsksTheProxyToConnect() async throws {
        let proxy = TestProxy()
        let proxyPort = try await proxy.start()
        defer { Task { await proxy.shutdown() } }
        try await withServer(.openAI) { _, port in
            let endpoint = "https://model.arena-proxy.invalid:\(port)/v1"
            let settings = ProxySettings(environment: ["HTTPS_PROXY": "127.0.0.1:\(proxyPort)"])
            let client = HTTPClients.client(connectTimeout: 2, endpoint: endpoint, proxies: settings)
            let connection = ModelConnection(name: "tunnelled", provider: .openAI, endpoint: endpoint, model: "test-model", key: APIKey("test-key"), timeouts: testTimeouts)
            // The tunnel reaches a plain-HTTP server, so TLS fails; what matters is the CONNECT.
            let (_, error) = await run(try OpenAIClient(connection: connection, httpClient: client))
            #expect(error != nil)
            #expect(proxy.requestLines == ["CONNECT model.arena-proxy.invalid:\(port)"])
        }
    }
}
