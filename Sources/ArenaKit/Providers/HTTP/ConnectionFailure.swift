import AsyncHTTPClient
import NIOCore
import NIOPosix

/// Names what went wrong when a request failed before any answer arrived: connection refused,
/// host not found, TLS failure, connect timeout, reset.
enum ConnectionFailure {
    /// A provider error for `error`, which happened while talking to `host`.
    static func providerError(for error: any Error, host: String, connectTimeout: Double) -> ProviderError {
        if let error = error as? ProviderError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return .timeout(phase: "connect", seconds: connectTimeout)
            case .tlsHandshakeTimeout: return .connection(detail: "TLS handshake with \(host) timed out")
            case .remoteConnectionClosed: return .connection(detail: "\(host) closed the connection")
            case .invalidURL, .emptyHost, .emptyScheme: return .misconfigured(detail: "invalid URL for \(host)")
            default: return .connection(detail: "\(host): \(error)")
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .connection(detail: "cannot resolve host \(host) (DNS lookup failed)")
            }
            if error.connectionErrors.contains(where: { isRefused($0.error) }) {
                return .connection(detail: "connection refused by \(host):\(error.port) (is the server running?)")
            }
            if let first = error.connectionErrors.first {
                return .connection(detail: "\(host):\(error.port): \(first.error)")
            }
            return .connection(detail: "cannot resolve host \(host)")
        }
        if isRefused(error) {
            return .connection(detail: "connection refused by \(host) (is the server running?)")
        }
        if let error = error as? IOError {
            if error.errnoCode == ECONNRESET { return .connection(detail: "\(host) reset the connection") }
            return .connection(detail: "\(host): \(error)")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .timeout(phase: "connect", seconds: connectTimeout)
        }
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("SSL") || typeName.contains("TLS") {
            return .connection(detail: "TLS failure talking to \(host): \(error)")
        }
        if typeName.contains("DNS") || typeName.contains("Resolver") {
            return .connection(detail: "cannot resolve host \(host): \(error)")
        }
        return .connection(detail: "\(host): \(error)")
    }

    private static func isRefused(_ error: any Error) -> Bool {
        if let error = error as? IOError { return error.errnoCode == ECONNREFUSED }
        if let error = error as? NIOConnectionError { return error.connectionErrors.contains { isRefused($0.error) } }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
