import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An incremental decoder for server-sent event streams, following the WHATWG HTML rules
/// ("Parsing an event stream").
///
/// Feed it bytes in chunks of any size; it calls back with each complete event. Lines may end
/// in CRLF, LF or a lone CR, mixed freely, and a CRLF may be split across chunks; one leading
/// byte-order mark is dropped; lines starting with `:` are comments; the field name is what
/// precedes the first colon and one space after it is dropped; several `data:` lines join
/// with `\n`; a blank line dispatches; unknown fields are ignored; field names are
/// case-sensitive. An event left unfinished at the end of the stream is never dispatched.
///
/// The decoder works on bytes and reuses its buffers, so steady-state decoding allocates only
/// for the events it hands out. Text is never decoded here: ``ServerSentEvent/data`` stays
/// UTF-8 bytes, so a character split across chunks is whole by the time anyone decodes it.
package struct SSEDecoder: Sendable {
    static let doneMarker: [UInt8] = Array("[DONE]".utf8)
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var partialLine: [UInt8] = []
    private var skipLeadingLineFeed = false
    private var byteOrderMarkChecked = false
    private var byteOrderMarkPrefix: [UInt8] = []
    private var dataBuffer: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastEventID = ""
    private var legacyErrorValue: [UInt8]?
    private let acceptsLegacyErrorField: Bool

    /// The reconnection time the stream asked for with `retry:`, in milliseconds.
    public private(set) var reconnectionTime: Int?

    /// Creates a decoder.
    ///
    /// - Parameter acceptsLegacyErrorField: when true, an event that has no `data:` but a
    ///   non-standard `error:` field (as old llama.cpp servers send) is dispatched with type
    ///   "error" and the field's value as data. Strict WHATWG parsing ignores such an event.
    public init(acceptsLegacyErrorField: Bool = false) {
        self.acceptsLegacyErrorField = acceptsLegacyErrorField
    }

    /// Decodes the readable bytes of `buffer`, calling `onEvent` for each complete event.
    public mutating func feed(_ buffer: ByteBuffer, _ onEvent: (ServerSentEvent) throws -> Void) rethrows {
        try buffer.withUnsafeReadableBytes { try feed(rawBytes: $0, onEvent) }
    }

    /// Decodes `bytes`, calling `onEvent` for each complete event.
    public mutating func feed(_ bytes: [UInt8], _ onEvent: (ServerSentEvent) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { try feed(rawBytes: $0, onEvent) }
    }

    /// Decodes `bytes`, calling `onEvent` for each complete event.
    public mutating func feed(rawBytes bytes: UnsafeRawBufferPointer, _ onEvent: (ServerSentEvent) throws -> Void) rethrows {
        guard !bytes.isEmpty else { return }
        if byteOrderMarkChecked {
            try process(bytes, onEvent)
            return
        }
        // Hold back up to three bytes until it is clear whether the stream starts with a BOM.
        let wanted = Self.byteOrderMark.count - byteOrderMarkPrefix.count
        let taken = min(wanted, bytes.count)
        byteOrderMarkPrefix.append(contentsOf: bytes[0..<taken])
        let stillPossible = byteOrderMarkPrefix.elementsEqual(Self.byteOrderMark.prefix(byteOrderMarkPrefix.count))
        if stillPossible && byteOrderMarkPrefix.count < Self.byteOrderMark.count { return }
        byteOrderMarkChecked = true
        let held = stillPossible ? [] : byteOrderMarkPrefix
        byteOrderMarkPrefix = []
        if !held.isEmpty {
            try held.withUnsafeBytes { try process($0, onEvent) }
        }
        if taken < bytes.count {
            try process(UnsafeRawBufferPointer(rebasing: bytes[taken...]), onEvent)
        }
    }

    /// Ends the stream: an unfinished line or event is discarded, as the WHATWG rules say.
    public mutating func finish() {
        partialLine.removeAll(keepingCapacity: true)
        dataBuffer.removeAll(keepingCapacity: true)
        hasData = false
        eventType = nil
        legacyErrorValue = nil
        skipLeadingLineFeed = false
    }

    /// How many bytes of an unfinished line and event the decoder holds. A caller reading an
    /// untrusted stream bounds it (a line that never ends must not grow without limit).
    public var pendingByteCount: Int { partialLine.count + dataBuffer.count }

    /// True when bytes of an unfinished line or event are pending.
    var hasPendingInput: Bool {
        !partialLine.isEmpty || hasData || eventType != nil || !byteOrderMarkPrefix.isEmpty
    }

    private mutating func process(_ bytes: UnsafeRawBufferPointer, _ onEvent: (ServerSentEvent) throws -> Void) rethrows {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        var index = 0
        if skipLeadingLineFeed {
            skipLeadingLineFeed = false
            if bytes[0] == ASCII.lineFeed { index = 1 }
        }
        var lineStart = index
        // Where the next LF is (or `count`); found with memchr and reused until passed, so a
        // chunk is scanned with vector instructions rather than byte by byte.
        var nextLineFeed = -1
        while index < count {
            if nextLineFeed < index {
                nextLineFeed = memchr(base + index, Int32(ASCII.lineFeed), count - index).map { UnsafeRawPointer($0) - base } ?? count
            }
            let end = memchr(base + index, Int32(ASCII.carriageReturn), nextLineFeed - index).map { UnsafeRawPointer($0) - base } ?? nextLineFeed
            if end == count { break }
            let byte = bytes[end]
            if partialLine.isEmpty {
                try processLine(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<end]), onEvent)
            } else {
                partialLine.append(contentsOf: bytes[lineStart..<end])
                var line: [UInt8] = []
                swap(&line, &partialLine)
                try line.withUnsafeBytes { try processLine($0, onEvent) }
                line.removeAll(keepingCapacity: true)
                swap(&line, &partialLine)
            }
            index = end
            if byte == ASCII.carriageReturn {
                if index + 1 < count {
                    if bytes[index + 1] == ASCII.lineFeed { index += 1 }
                } else {
                    skipLeadingLineFeed = true
                }
            }
            index += 1
            lineStart = index
        }
        if lineStart < count {
            partialLine.append(contentsOf: bytes[lineStart..<count])
        }
    }

    private mutating func processLine(_ line: UnsafeRawBufferPointer, _ onEvent: (ServerSentEvent) throws -> Void) rethrows {
        if line.isEmpty {
            try dispatch(onEvent)
            return
        }
        if line[0] == ASCII.colon { return }
        var fieldEnd = line.count
        var valueStart = line.count
        if let colon = line.firstIndex(of: ASCII.colon) {
            fieldEnd = colon
            valueStart = colon + 1
            if valueStart < line.count && line[valueStart] == ASCII.space { valueStart += 1 }
        }
        let field = UnsafeRawBufferPointer(rebasing: line[0..<fieldEnd])
        let value = UnsafeRawBufferPointer(rebasing: line[valueStart...])
        if field.elementsEqual(FieldName.data) {
            dataBuffer.append(contentsOf: value)
            dataBuffer.append(ASCII.lineFeed)
            hasData = true
        } else if field.elementsEqual(FieldName.event) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if field.elementsEqual(FieldName.id) {
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        } else if field.elementsEqual(FieldName.retry) {
            if !value.isEmpty, value.allSatisfy({ $0 >= ASCII.zero && $0 <= ASCII.nine }) {
                reconnectionTime = Int(String(decoding: value, as: UTF8.self))
            }
        } else if acceptsLegacyErrorField && field.elementsEqual(FieldName.error) {
            legacyErrorValue = Array(value)
        }
    }

    private mutating func dispatch(_ onEvent: (ServerSentEvent) throws -> Void) rethrows {
        guard hasData else {
            let legacyError = legacyErrorValue
            eventType = nil
            legacyErrorValue = nil
            if let legacyError {
                try onEvent(ServerSentEvent(type: "error", data: legacyError, lastEventID: lastEventID))
            }
            return
        }
        dataBuffer.removeLast()
        let type = eventType.flatMap { $0.isEmpty ? nil : $0 } ?? "message"
        eventType = nil
        legacyErrorValue = nil
        hasData = false
        // Cleared after the handler returns, so the buffer is unshared again and keeps its capacity.
        defer { dataBuffer.removeAll(keepingCapacity: true) }
        try onEvent(ServerSentEvent(type: type, data: dataBuffer, lastEventID: lastEventID))
    }
}

enum ASCII {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let colon: UInt8 = 0x3A
    static let space: UInt8 = 0x20
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
}

private enum FieldName {
    static let data: [UInt8] = Array("data".utf8)
    static let event: [UInt8] = Array("event".utf8)
    static let id: [UInt8] = Array("id".utf8)
    static let retry: [UInt8] = Array("retry".utf8)
    static let error: [UInt8] = Array("error".utf8)
}
