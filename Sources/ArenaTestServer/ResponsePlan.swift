/// What the server will send for one request: status, headers, body pieces and how it ends.
struct ResponsePlan: Sendable {
    enum Part: Sendable {
        case text(String)
        case delay(milliseconds: Int)
        /// `count` chunks taken from `chunks` in turn, written in large batches as fast as the
        /// client reads.
        case repeated(chunks: [String], count: Int)
    }

    enum Ending: Sendable {
        /// End the HTTP response properly.
        case end
        /// Send nothing more and keep the connection open.
        case stall
        /// Close the TCP connection without ending the response.
        case drop
    }

    var status: Int
    var headers: [(String, String)]
    var parts: [Part]
    var ending: Ending = .end
    /// The model whose request this answers, when the plan is sent only once the test releases
    /// it (``TestBehaviour/held(_:)``).
    var heldFor: String?

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> ResponsePlan {
        ResponsePlan(
            status: status,
            headers: [("content-type", "application/json"), ("content-length", String(body.utf8.count))] + headers,
            parts: [.text(body)]
        )
    }

    static func eventStream(_ parts: [Part], ending: Ending = .end) -> ResponsePlan {
        ResponsePlan(
            status: 200,
            headers: [("content-type", "text/event-stream"), ("cache-control", "no-cache")],
            parts: parts,
            ending: ending
        )
    }
}
