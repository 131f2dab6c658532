import NIOCore
import NIOPosix
import Synchronization

/// A loopback HTTP proxy for tests: it records what it is asked and relays it to the asked-for
/// port on 127.0.0.1, whatever the host name (so a test can name a host that does not resolve
/// and still reach its ``ProviderTestServer``).
///
/// It understands the two ways clients use a proxy: a plain-HTTP request in absolute form
/// (`POST http://model.test:8080/v1/chat/completions HTTP/1.1`, relayed with the request line
/// in origin form) and `CONNECT host:port` (answered `200`, then a byte tunnel). Only the first
/// request of a connection is rewritten; that is all a test of one request needs.
///
/// ```swift
/// let proxy = TestProxy()
/// let port = try await proxy.start()
/// // ... run with HTTP_PROXY=http://127.0.0.1:\(port) ...
/// #expect(proxy.requestLines == ["CONNECT model.test:\(serverPort)"])   // AsyncHTTPClient tunnels
/// await proxy.shutdown()
/// ```
public final class TestProxy: Sendable {
    private let recorded = Mutex<[String]>([])
    private let listener = ListeningSocket()

    public init() {}

    /// What each connection asked for: `METHOD absolute-URI` or `CONNECT host:port`.
    public var requestLines: [String] { recorded.withLock { $0 } }

    /// Starts listening on 127.0.0.1 with an ephemeral port, which it returns.
    public func start() async throws -> Int {
        let record: @Sendable (String) -> Void = { [self] line in recorded.withLock { $0.append(line) } }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ProxyFrontHandler(record: record))
                }
            }
        return try await listener.bind(bootstrap, host: "127.0.0.1")
    }

    /// Stops listening.
    public func shutdown() async {
        await listener.close()
    }
}

/// The client's side of one proxied connection: reads the request head, connects upstream,
/// then relays bytes both ways.
private final class ProxyFrontHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let record: @Sendable (String) -> Void
    private var head: ByteBuffer?
    private var upstream: (any Channel)?
    private var connecting = false

    init(record: @escaping @Sendable (String) -> Void) {
        self.record = record
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if let upstream {
            upstream.writeAndFlush(bytes, promise: nil)
            return
        }
        if head == nil { head = bytes } else { head!.writeBuffer(&bytes) }
        guard !connecting, let text = head?.getString(at: head!.readerIndex, length: head!.readableBytes),
              let end = text.range(of: "\r\n\r\n") else { return }
        let requestLine = String(text[..<(text.range(of: "\r\n")?.lowerBound ?? end.lowerBound)])
        let parts = requestLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3, let target = ProxyTarget(method: parts[0], target: parts[1]) else {
            context.close(promise: nil)
            return
        }
        record("\(parts[0]) \(parts[1])")
        var pending = context.channel.allocator.buffer(capacity: text.utf8.count)
        if target.isTunnel {
            pending.writeString(String(text[end.upperBound...]))
        } else {
            pending.writeString("\(parts[0]) \(target.path) \(parts[2])")
            pending.writeString(String(text[requestLine.endIndex...]))
        }
        head = nil
        connecting = true
        connect(context: context, port: target.port, tunnel: target.isTunnel, pending: pending)
    }

    private func connect(context: ChannelHandlerContext, port: Int, tunnel: Bool, pending: ByteBuffer) {
        let front = context.channel
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(ProxyRelayHandler(peer: front)) }
            }
            .connect(host: "127.0.0.1", port: port)
            .whenComplete { result in
                let (handler, context) = loopBound.value
                switch result {
                case .success(let channel):
                    handler.upstream = channel
                    if tunnel {
                        var established = context.channel.allocator.buffer(capacity: 64)
                        established.writeString("HTTP/1.1 200 Connection established\r\n\r\n")
                        context.writeAndFlush(handler.wrapOutboundOut(established), promise: nil)
                    }
                    if pending.readableBytes > 0 { channel.writeAndFlush(pending, promise: nil) }
                case .failure:
                    var refused = context.channel.allocator.buffer(capacity: 64)
                    refused.writeString("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    let channel = context.channel
                    channel.writeAndFlush(refused).whenComplete { _ in channel.close(promise: nil) }
                }
            }
    }

    func channelInactive(context: ChannelHandlerContext) {
        upstream?.close(promise: nil)
    }
}

/// The upstream side: everything the server sends goes back to the client, and either side
/// closing closes the other.
private final class ProxyRelayHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let peer: any Channel

    init(peer: any Channel) {
        self.peer = peer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        peer.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        peer.close(promise: nil)
    }
}

/// Where a proxied request goes: the port on 127.0.0.1, and the origin-form path to send.
private struct ProxyTarget {
    var port: Int
    var path: String
    var isTunnel: Bool

    init?(method: String, target: String) {
        if method == "CONNECT" {
            guard let port = target.split(separator: ":").last.flatMap({ Int($0) }) else { return nil }
            self.port = port
            path = ""
            isTunnel = true
            return
        }
        guard let schemeEnd = target.range(of: "://") else { return nil }
        let rest = target[schemeEnd.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        port = authority.split(separator: ":").last.flatMap { Int($0) } ?? 80
        path = slash < rest.endIndex ? String(rest[slash...]) : "/"
        isTunnel = false
    }
}
