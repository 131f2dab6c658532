import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// An HTTP request ready to send: URL, method, headers and body.
///
/// A JSON body is kept as a ``JSONBodyStream``: a chat request carries the whole conversation,
/// megabytes in a long session, and its long strings are written out only as they are sent.
struct PreparedRequest: Sendable {
    var url: String
    var method: HTTPMethod = .POST
    var headers: HTTPHeaders = HTTPHeaders()
    var body: JSONBodyStream?

    init(url: String, method: HTTPMethod = .POST, headers: HTTPHeaders = HTTPHeaders()) {
        self.url = url
        self.method = method
        self.headers = headers
    }

    /// A request whose body is `json`.
    init(url: String, headers: HTTPHeaders, json: JSONObject) {
        self.init(url: url, headers: headers)
        body = JSONBodyStream(.object(json))
    }

    /// The host (and port) for messages, never the query, which may hold a secret.
    var host: String { URLParts.host(of: url) ?? url }

    func makeClientRequest() -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers = headers
        if let body, body.length > 0 {
            request.body = .stream(body, length: .known(Int64(body.length)))
        }
        return request
    }
}

/// Small helpers to take URLs apart without Foundation's slow paths.
enum URLParts {
    /// `host[:port]` of an http(s) URL.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<end]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return authority.isEmpty ? nil : String(authority)
    }

    /// `url` without a trailing slash.
    static func trimmingTrailingSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// Percent-encodes a query value.
    static func queryEscaped(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? value
    }
}

import Foundation

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
