import Foundation

/// The proxies arena's requests go through, read from the process environment the way curl
/// reads it (never from a `.env`, which ``ConfigEnvironment`` refuses them from):
///
/// - `https_proxy` / `HTTPS_PROXY` for `https://` URLs, `http_proxy` / `HTTP_PROXY` for
///   `http://` URLs, `all_proxy` / `ALL_PROXY` for both (lower case first);
/// - a proxy is `http://[user:password@]host[:port]` (port 1080 when absent, as curl), a bare
///   `host:port`, or `socks5://` / `socks5h://host[:port]`;
/// - `no_proxy` / `NO_PROXY` lists hosts reached directly: `*` for all, a name matching itself
///   and its subdomains (`example.com`, `.example.com`), `name:port` for one port only, IP
///   addresses with an optional CIDR `/bits`. This machine (`localhost`, `127.0.0.0/8`, `::1`)
///   is always reached directly: a local model server is never proxied.
struct ProxySettings: Sendable, Hashable {
    /// One proxy server.
    struct Server: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case http, socks5 }
        var kind: Kind
        var host: String
        var port: Int
        var username: String?
        var password: String?
    }

    /// Why a proxy variable cannot be used (names the variable, never its credentials).
    struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        var variable: String
        var description: String {
            "\(variable) is not a proxy arena can use: expected http://host:port, host:port or socks5://host:port"
        }
    }

    private var httpProxy: Result<Server, Problem>?
    private var httpsProxy: Result<Server, Problem>?
    private var noProxy: [String]

    /// The settings of the process environment, read once.
    static let process = ProxySettings(environment: ProcessInfo.processInfo.environment)

    init(environment: [String: String]) {
        func server(_ names: [String]) -> Result<Server, Problem>? {
            guard let name = names.first(where: { environment[$0].map { !$0.isEmpty } ?? false }), let value = environment[name] else { return nil }
            return Self.parse(value).map { .success($0) } ?? .failure(Problem(variable: name))
        }
        httpProxy = server(["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"])
        httpsProxy = server(["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"])
        let list = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        noProxy = list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map { $0.lowercased() }
    }

    /// The first proxy variable that cannot be used, if any (arena refuses to start with one).
    var problem: Problem? {
        for result in [httpProxy, httpsProxy] {
            if case .failure(let problem) = result { return problem }
        }
        return nil
    }

    /// The proxy for a request to `url`, or nil to connect directly.
    func server(for url: String) -> Server? {
        let lowered = url.lowercased()
        let isHTTPS = lowered.hasPrefix("https://")
        guard let result = isHTTPS ? httpsProxy : httpProxy, case .success(let server) = result,
              let authority = URLParts.host(of: lowered) else { return nil }
        let (host, port) = Self.split(authority: authority, defaultPort: isHTTPS ? 443 : 80)
        return bypasses(host: host, port: port) ? nil : server
    }

    /// Whether `host` (lower case, IPv6 without brackets) on `port` is reached directly.
    func bypasses(host: String, port: Int) -> Bool {
        if Self.isLoopback(host) { return true }
        if noProxy == ["*"] { return true }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        let address = IPAddress(name)
        for entry in noProxy {
            var pattern = entry
            var patternPort: Int?
            if pattern.filter({ $0 == ":" }).count == 1, let colon = pattern.firstIndex(of: ":"), let number = Int(pattern[pattern.index(after: colon)...]) {
                patternPort = number
                pattern = String(pattern[..<colon])
            }
            if let patternPort, patternPort != port { continue }
            if let address {
                let (network, bits) = Self.splitCIDR(pattern.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
                if let network = IPAddress(network), address.matches(network, bits: bits) { return true }
                continue
            }
            while pattern.hasSuffix(".") { pattern.removeLast() }
            if pattern.hasPrefix(".") { pattern.removeFirst() }
            guard !pattern.isEmpty else { continue }
            if name == pattern || name.hasSuffix("." + pattern) { return true }
        }
        return false
    }

    static func parse(_ value: String) -> Server? {
        var rest = value.trimmingCharacters(in: .whitespaces)
        var kind = Server.Kind.http
        if let schemeEnd = rest.range(of: "://") {
            switch rest[..<schemeEnd.lowerBound].lowercased() {
            case "http": kind = .http
            case "socks5", "socks5h": kind = .socks5
            default: return nil
            }
            rest = String(rest[schemeEnd.upperBound...])
        }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = String(rest[..<end]) }
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            let colon = credentials.firstIndex(of: ":")
            username = String(credentials[..<(colon ?? credentials.endIndex)]).removingPercentEncoding
            password = colon.map { String(credentials[credentials.index(after: $0)...]).removingPercentEncoding ?? "" }
            rest = String(rest[rest.index(after: at)...])
        }
        let (host, port) = split(authority: rest, defaultPort: 1080)
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
        return Server(kind: kind, host: host, port: port, username: username, password: password)
    }

    /// Host (IPv6 without brackets) and port of an authority.
    static func split(authority: String, defaultPort: Int) -> (host: String, port: Int) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            return (host, after.hasPrefix(":") ? Int(after.dropFirst()) ?? -1 : defaultPort)
        }
        guard let colon = authority.lastIndex(of: ":") else { return (authority, defaultPort) }
        return (String(authority[..<colon]), Int(authority[authority.index(after: colon)...]) ?? -1)
    }

    private static func splitCIDR(_ pattern: String) -> (String, Int?) {
        guard let slash = pattern.firstIndex(of: "/") else { return (pattern, nil) }
        return (String(pattern[..<slash]), Int(pattern[pattern.index(after: slash)...]))
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        return IPAddress(host).map { $0.isV4 && $0.bytes.first == 127 } ?? false
    }
}

/// An IPv4 or IPv6 address as bytes, for NO_PROXY's CIDR matching.
struct IPAddress: Equatable {
    var bytes: [UInt8]
    var isV4: Bool { bytes.count == 4 }

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    /// Whether the first `bits` bits (all when nil) equal `network`'s.
    func matches(_ network: IPAddress, bits: Int?) -> Bool {
        guard network.bytes.count == bytes.count else { return false }
        let total = bytes.count * 8
        let bits = bits ?? total
        guard (0...total).contains(bits) else { return false }
        for bit in 0..<bits {
            let mask = UInt8(0x80) >> UInt8(bit % 8)
            if bytes[bit / 8] & mask != network.bytes[bit / 8] & mask { return false }
        }
        return true
    }
}
