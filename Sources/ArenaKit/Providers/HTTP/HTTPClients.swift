import AsyncHTTPClient
import NIOCore
import Synchronization

/// The HTTP clients arena's providers share: one per connect timeout and proxy (``ProxySettings``:
/// the process environment's `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`), living as long as the
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
    private struct Key: Hashable {
        var milliseconds: Int
        var proxy: ProxySettings.Server?
    }

    private static let clients = Mutex<[Key: HTTPClient]>([:])

    /// The shared client whose connect timeout is `connectTimeout` seconds, for requests to
    /// `endpoint` (through the proxy `proxies` name for it, if any).
    static func client(connectTimeout: Double, endpoint: String, proxies: ProxySettings = .process) -> HTTPClient {
        let milliseconds = max(1, Int((connectTimeout * 1000).rounded()))
        let key = Key(milliseconds: milliseconds, proxy: proxies.server(for: endpoint))
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            var configuration = HTTPClient.Configuration(
                timeout: HTTPClient.Configuration.Timeout(connect: .milliseconds(Int64(milliseconds)), read: nil)
            )
            configuration.proxy = key.proxy.map(proxy)
            configuration.connectionPool.idleTimeout = .seconds(60)
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[key] = client
            return client
        }
    }

    private static func proxy(_ server: ProxySettings.Server) -> HTTPClient.Configuration.Proxy {
        switch server.kind {
        case .socks5:
            return .socksServer(host: server.host, port: server.port)
        case .http:
            guard let username = server.username else { return .server(host: server.host, port: server.port) }
            return .server(host: server.host, port: server.port, authorization: .basic(username: username, password: server.password ?? ""))
        }
    }
}
