import AsyncHTTPClient
import NIOCore
import Synchronization

/// The HTTP clients arena's providers share: one per connect timeout, living as long as the
/// process (so they are never shut down), each keeping its own pool of connections.
///
/// Read timeouts are left to ``StreamWatchdog``, which knows the first-token and idle phases.
///
/// Redirects are never followed: an API request carries its key (`api-key`, `x-api-key`,
/// `Authorization`), and following a redirect would hand it to a host the user did not configure
/// it for. A 3xx answer is reported as ``ProviderError/redirected(status:location:)`` instead.
/// A refused connection fails at once rather than being retried until the connect timeout: a
/// local server that is not running should say so immediately.
enum HTTPClients {
    private static let clients = Mutex<[Int: HTTPClient]>([:])

    /// The shared client whose connect timeout is `connectTimeout` seconds.
    static func client(connectTimeout: Double) -> HTTPClient {
        let milliseconds = max(1, Int((connectTimeout * 1000).rounded()))
        return clients.withLock { clients in
            if let client = clients[milliseconds] { return client }
            var configuration = HTTPClient.Configuration(
                timeout: HTTPClient.Configuration.Timeout(connect: .milliseconds(Int64(milliseconds)), read: nil)
            )
            configuration.connectionPool.idleTimeout = .seconds(60)
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[milliseconds] = client
            return client
        }
    }
}
