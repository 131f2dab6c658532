import ArenaTestServer
import Foundation
import Testing

/// `HTTP_PROXY` / `NO_PROXY` from the process environment, through the built binary and a
/// loopback proxy.
@Suite struct ProxyEndToEndTests {
    @Test func requestsGoThroughTheProxyAndLocalServersDoNot() async throws {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["far", "near"])
        let proxy = TestProxy()
        let port = try await server.start()
        let proxyPort = try await proxy.start()
        defer { Task { await server.shutdown(); await proxy.shutdown() } }
        server.setBehaviour(.answer(.words("Hello through the proxy.")), forModel: "far")
        server.setBehaviour(.answer(.words("Hello without a proxy.")), forModel: "near")
        let environment = [
            "FAR_ENDPOINT": "http://far.arena-proxy.invalid:\(port)/v1", "FAR_KEY": "k", "FAR_MODEL": "far",
            "NEAR_ENDPOINT": "http://127.0.0.1:\(port)/v1", "NEAR_KEY": "k", "NEAR_MODEL": "near",
            "HTTP_PROXY": "http://127.0.0.1:\(proxyPort)", "ARENA_MODEL_A": "far", "ARENA_MODEL_B": "near",
        ]
        let result = try ArenaBinary.runPiped(["--no-record"], input: "hi\n", extra: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A: Hello through the proxy."), "\(result.stdout)")
        #expect(result.stdout.contains("B: Hello without a proxy."))
        #expect(proxy.requestLines == ["CONNECT far.arena-proxy.invalid:\(port)"])
        #expect(server.requests.count == 2)
    }

    @Test func anUnusableProxyStopsArenaWithOneLine() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "hi\n", extra: ["HTTPS_PROXY": "ftp://me:secret@proxy"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("HTTPS_PROXY is not a proxy arena can use"), "\(result.stderr)")
        #expect(!result.stderr.contains("secret"))
    }
}
