/// One event of a server-sent event stream, as dispatched by ``SSEDecoder``.
///
/// `data` holds the joined `data:` lines as raw UTF-8 bytes (not yet decoded), so that JSON
/// payloads can be parsed straight from bytes.
package struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field, or "message" when the event named none.
    public var type: String
    /// The `data:` lines joined with `\n`, as UTF-8 bytes.
    public var data: [UInt8]
    /// The last event id seen so far in the stream (`id:` fields carry over between events).
    var lastEventID: String

    public init(type: String = "message", data: [UInt8], lastEventID: String = "") {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
    }

    /// Convenience for a text payload.
    public init(type: String = "message", text: String, lastEventID: String = "") {
        self.init(type: type, data: Array(text.utf8), lastEventID: lastEventID)
    }

    /// The data decoded as UTF-8 (invalid sequences become U+FFFD).
    public var text: String { String(decoding: data, as: UTF8.self) }

    /// True when the data is exactly `[DONE]`, the OpenAI-style terminator.
    public var isDoneMarker: Bool {
        data.count == 6 && data == SSEDecoder.doneMarker
    }
}
