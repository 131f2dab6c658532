import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP/1.1 server for arena's tests and benchmarks that speaks one provider's
/// dialect and misbehaves on request.
///
/// ```swift
/// let server = ProviderTestServer(dialect: .openAI, apiKey: "sk-test")
/// let port = try await server.start()
/// server.enqueue(.rateLimited(.retryAfterMs(10)), .answer(.words("Hi there")))
/// // ... point a client at "http://127.0.0.1:\(port)/v1" ...
/// #expect(server.requests.count == 2)
/// await server.shutdown()
/// ```
///
/// Each chat request takes the next scripted behaviour from the queue; when the queue is
/// empty, the behaviour set for the requested model (``setBehaviour(_:forModel:)``), else the
/// standard answer. Paths and auth headers are checked per dialect (404 and 401 with the
/// dialect's error bodies otherwise), and every request is recorded.
public final class ProviderTestServer: Sendable {
    public let dialect: TestDialect
    public let apiKey: String?
    private let state = ServerState()
    private let router: RequestRouter
    private let listener = ListeningSocket()

    /// Makes a server; `apiKey` nil accepts any (or no) key. `models` are listed by the
    /// listing endpoints (`/v1/models`, `/api/tags`; the first is `/info`'s model name).
    public init(dialect: TestDialect, apiKey: String? = "test-key", models: [String] = ["test-model"]) {
        self.dialect = dialect
        self.apiKey = apiKey
        router = RequestRouter(dialect: dialect, apiKey: apiKey, models: models)
    }

    /// Starts listening on `host` (a loopback address: 127.0.0.1 unless a test needs a second
    /// host, such as 127.0.0.2) with an ephemeral port, which it returns.
    public func start(host: String = "127.0.0.1") async throws -> Int {
        let state = self.state
        let router = self.router
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(TestServerHandler(state: state, router: router))
                }
            }
        return try await listener.bind(bootstrap, host: host)
    }

    /// Stops listening and closes every open connection.
    public func shutdown() async {
        await listener.close()
        for child in state.takeChannels() {
            try? await child.close()
        }
    }

    /// Adds behaviours for the next chat requests, in order.
    public func enqueue(_ behaviours: TestBehaviour...) {
        state.enqueue(behaviours)
    }

    /// Adds behaviours for the next chat requests, in order.
    public func enqueue(contentsOf behaviours: [TestBehaviour]) {
        state.enqueue(behaviours)
    }

    /// Sets what requests for `model` get when the queue is empty (`nil` restores the standard answer).
    public func setBehaviour(_ behaviour: TestBehaviour?, forModel model: String) {
        state.setBehaviour(behaviour, forModel: model)
    }

    /// Every request received so far, in order.
    public var requests: [RecordedRequest] { state.requests }

    /// Returns once the connection that carried request number `index` (0-based) has closed.
    public func waitForDisconnect(ofRequest index: Int) async {
        await state.waitForDisconnect(ofRequest: index)
    }

    /// True once the connection that carried request `index` has closed.
    public func isDisconnected(request index: Int) -> Bool {
        state.isDisconnected(request: index)
    }

    /// Requests being answered now: received, and their response neither ended nor cut off by
    /// the connection closing (a held or stalled response counts until then).
    public var requestsInFlight: Int { state.requestsInFlight }

    /// The most requests that were being answered at once, so far.
    public var mostRequestsInFlight: Int { state.mostRequestsInFlight }

    /// Returns once at least `count` responses are held (``TestBehaviour/held(_:)``), not yet
    /// released: of requests for `model`, or for any model.
    public func waitForHeldResponses(_ count: Int, model: String? = nil) async {
        await state.waitForHeld(count, model: model)
    }

    /// Sends every response held so far (of requests for `model`, or for any model), each as its
    /// behaviour says; returns how many.
    @discardableResult
    public func releaseHeldResponses(model: String? = nil) -> Int {
        state.releaseHeld(model: model)
    }
}
