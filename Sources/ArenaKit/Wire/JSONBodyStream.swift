import NIOCore

/// A JSON value written as a stream of byte buffers, for an HTTP request body that should
/// not be held in memory whole.
///
/// A chat request carries the whole conversation, which in a long session with long answers
/// is megabytes per side, sent while those same answers are already held as the history.
/// Long strings (over ``inlineLimit`` bytes) are therefore not copied when the stream is made:
/// they are escaped piece by piece, as the HTTP client asks for the next buffer. The exact
/// length is known up front, so the request still has a `Content-Length`. The stream can be
/// iterated any number of times (a retried request sends it again).
struct JSONBodyStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    /// Strings at least this long are escaped while sending rather than copied in advance.
    public static let inlineLimit = 16 * 1024
    /// The most bytes one buffer of the stream holds.
    public static let pieceSize = 64 * 1024

    fileprivate enum Segment: Sendable {
        case bytes([UInt8])
        /// A long string value, written with its quotes.
        case string(String)
    }

    private let segments: [Segment]
    /// The number of bytes the stream delivers in all.
    let length: Int

    /// The stream of `value` written as compact JSON (the same bytes as ``JSONValue/jsonBytes``).
    public init(_ value: JSONValue) {
        var output = SegmentedOutput()
        value.write(to: &output)
        output.finishSegment()
        segments = output.segments
        length = output.length
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(segments: segments)
    }

    /// Hands out the stream's buffers in order.
    public struct Iterator: AsyncIteratorProtocol {
        fileprivate let segments: [Segment]
        private var segmentIndex = 0
        /// Where the current segment continues, in its bytes (or the string's UTF-8), with -1
        /// for a string's opening quote not yet written.
        private var offset = 0

        fileprivate init(segments: [Segment]) {
            self.segments = segments
            if case .string? = segments.first { offset = -1 }
        }

        public mutating func next() async -> ByteBuffer? {
            guard segmentIndex < segments.count else { return nil }
            var piece: [UInt8] = []
            piece.reserveCapacity(JSONBodyStream.pieceSize + 8)
            while segmentIndex < segments.count && piece.count < JSONBodyStream.pieceSize {
                switch segments[segmentIndex] {
                case .bytes(let bytes):
                    let end = Swift.min(bytes.count, offset + JSONBodyStream.pieceSize - piece.count)
                    piece.append(contentsOf: bytes[offset..<end])
                    offset = end
                    if offset == bytes.count { advance() }
                case .string(let string):
                    if offset == -1 {
                        piece.append(UInt8(ascii: "\""))
                        offset = 0
                    }
                    let utf8 = string.utf8
                    let end = Swift.min(utf8.count, offset + (JSONBodyStream.pieceSize - piece.count))
                    let start = utf8.index(utf8.startIndex, offsetBy: offset)
                    JSONValue.writeEscaped(utf8[start..<utf8.index(utf8.startIndex, offsetBy: end)], to: &piece)
                    offset = end
                    if offset == utf8.count {
                        piece.append(UInt8(ascii: "\""))
                        advance()
                    }
                }
            }
            return ByteBuffer(bytes: piece)
        }

        private mutating func advance() {
            segmentIndex += 1
            offset = 0
            if segmentIndex < segments.count, case .string = segments[segmentIndex] { offset = -1 }
        }
    }
}

/// Collects a value's JSON as segments: short parts copied, long strings referenced.
private struct SegmentedOutput: JSONOutput {
    var segments: [JSONBodyStream.Segment] = []
    var length = 0
    private var current: [UInt8] = []

    mutating func append(_ byte: UInt8) {
        current.append(byte)
    }

    mutating func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        current.append(contentsOf: bytes)
    }

    mutating func appendString(_ value: String) {
        guard value.utf8.count >= JSONBodyStream.inlineLimit else {
            current.appendString(value)
            return
        }
        finishSegment()
        segments.append(.string(value))
        length += 2 + JSONValue.escapedCount(value.utf8)
    }

    mutating func finishSegment() {
        guard !current.isEmpty else { return }
        length += current.count
        segments.append(.bytes(current))
        current = []
    }
}
