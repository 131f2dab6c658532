import ArenaTestServer
import Testing
@testable import ArenaKit

/// Issue 11: keys never reach a message, however long, and keys that cannot go in a header are
/// refused at load without being printed.
@Suite struct KeyRedactionTests {
    @Test func aLongKeyEchoedByTheServerIsRedactedBeforeTheMessageIsShortened() async throws {
        let key = "sk-" + String(repeating: "abcdef0123", count: 40)
        try await withServer(.openAI, apiKey: nil) { server, port in
            let echoed = #"{"error": {"code": "invalid_api_key", "message": "Incorrect API key provided: "# + key + #"."}}"#
            server.enqueue(.httpError(status: 401, body: echoed))
            let client = try OpenAIClient(connection: testConnection(.openAI, port: port, key: key))
            let (_, error) = await run(client)
            let message = "\(try #require(error))"
            #expect(message.contains("Incorrect API key provided: ***"), "\(message)")
            #expect(!message.contains("abcdef0123"))
        }
    }

    @Test func aKeyWithALineBreakOrDELIsRefusedAtLoadWithoutPrintingIt() throws {
        let yaml = "models:\n  x:\n    provider: openai\n    key: ${X_KEY}\n  y:\n    provider: openai\n    key: ${Y_KEY}\n"
        let (registry, catalog, warnings, _) = try loadCatalog(
            yaml: yaml, environment: ["X_KEY": "secret-part\r\nInjected: header", "Y_KEY": "secret\u{7F}tail"])
        for name in ["x", "y"] {
            let problem = try #require(registry.descriptor(named: name)?.problem)
            #expect(problem.contains("contains a control character"), "\(problem)")
            #expect(catalog.spec(named: name)?.connection.key == nil)
            #expect(throws: ProviderError.self) { try registry.client(named: name) }
        }
        let shown = warnings.map(\.description).joined(separator: "\n")
        #expect(!shown.contains("secret"), "\(shown)")
    }
}

/// Issue 11: retry headers are plain decimal numbers; `0x10` is not sixteen seconds.
@Suite struct RetryHeaderTests {
    @Test(arguments: [("120", 120.0), ("1.5", 1.5), (" 7 ", 7.0)])
    func decimalsAreRead(text: String, seconds: Double) {
        #expect(RetryAfter.decimal(text) == seconds)
    }

    @Test(arguments: ["0x10", "1e9", "inf", "nan", "-1", "", "12abc", "1.2.3"])
    func otherFormsAreNot(text: String) {
        #expect(RetryAfter.decimal(text) == nil)
    }
}
