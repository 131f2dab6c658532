import NIOCore
import NIOPosix
import Synchronization

/// The listening channel of a loopback test server: bound once on an ephemeral port, closed
/// on shutdown.
final class ListeningSocket: Sendable {
    private let channel = Mutex<(any Channel)?>(nil)

    /// Binds `bootstrap` on `host` with an ephemeral port, which it returns.
    func bind(_ bootstrap: ServerBootstrap, host: String) async throws -> Int {
        let bound = try await bootstrap.bind(host: host, port: 0).get()
        channel.withLock { $0 = bound }
        guard let port = bound.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        return port
    }

    /// Stops listening (once; later calls do nothing).
    func close() async {
        let bound = channel.withLock { channel in
            defer { channel = nil }
            return channel
        }
        try? await bound?.close()
    }
}
