/// Reads one JSON text front to back without building a tree: the caller walks the objects
/// and arrays it cares about, notes where the strings it needs are, and everything else is
/// skipped. Skipped values are still checked, so a malformed text throws the same
/// ``JSONParseError`` (same offset, same reason) as ``JSONParser`` would.
///
/// This is the streaming hot path: a chat-completion chunk is read with no allocation and no
/// reference counting; only the strings finally wanted are made, with ``string(_:)``.
///
/// ```swift
/// var scanner = JSONScanner(bytes: bytes)
/// var object = try scanner.beginObject()
/// while let key = try scanner.nextKey(in: &object) {
///     if key == "model" { model = try scanner.readString().map(scanner.string) }
/// }
/// try scanner.finish()
/// ```
struct JSONScanner {
    private var reader: JSONReader
    private var depth = 0

    init(bytes: UnsafeRawBufferPointer) {
        reader = JSONReader(bytes: bytes)
    }

    /// Where the scanner is inside one object or array: whether a member came yet, and where
    /// the last member's value started (so one left unread is skipped).
    struct Container {
        fileprivate var isEmptyOrDone: Bool
        fileprivate var valueStart = -1
    }

    /// Enters the object that must come next.
    mutating func beginObject() throws(JSONParseError) -> Container {
        try enter(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
    }

    /// Enters the array that must come next.
    mutating func beginArray() throws(JSONParseError) -> Container {
        try enter(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
    }

    /// The next key of `object`, with the scanner placed at its value; nil after the last member.
    /// A value not read before the next call is skipped.
    mutating func nextKey(in object: inout Container) throws(JSONParseError) -> JSONKey? {
        guard try advance(&object, closer: UInt8(ascii: "}")) else { return nil }
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: "\"") else { throw reader.error("expected a string key") }
        let keyStart = reader.index + 1
        let hasEscapes = try reader.skipString()
        let key = JSONKey(raw: UnsafeRawBufferPointer(rebasing: reader.bytes[keyStart..<(reader.index - 1)]), hasEscapes: hasEscapes)
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: ":") else { throw reader.error("expected ':'") }
        reader.index += 1
        reader.skipWhitespace()
        object.valueStart = reader.index
        return key
    }

    /// True when `array` has another element, with the scanner placed at it. An element not
    /// read before the next call is skipped.
    mutating func nextElement(in array: inout Container) throws(JSONParseError) -> Bool {
        guard try advance(&array, closer: UInt8(ascii: "]")) else { return false }
        reader.skipWhitespace()
        array.valueStart = reader.index
        return true
    }

    /// The kind of the value that comes next, without reading it.
    mutating func peekKind() throws(JSONParseError) -> JSONKind {
        reader.skipWhitespace()
        guard let byte = reader.peek else { throw reader.error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw reader.unexpected()
        }
    }

    /// Where the string that comes next is; any other value is skipped and gives nil.
    mutating func readString() throws(JSONParseError) -> JSONStringSlice? {
        guard try peekKind() == .string else {
            try skipValue()
            return nil
        }
        let quote = reader.index
        let hasEscapes = try reader.skipString()
        return JSONStringSlice(quote: quote, end: reader.index, hasEscapes: hasEscapes)
    }

    /// The integer part of the number that comes next (as ``JSONValue/intValue`` gives it);
    /// any other value is skipped and gives nil.
    mutating func readInt() throws(JSONParseError) -> Int? {
        guard try peekKind() == .number else {
            try skipValue()
            return nil
        }
        return JSONValue.number(try reader.parseNumber()).intValue
    }

    /// Skips the value that comes next, checking it as ``JSONParser`` would.
    mutating func skipValue() throws(JSONParseError) {
        switch try peekKind() {
        case .string: try reader.skipString()
        case .object:
            var object = try beginObject()
            while try nextKey(in: &object) != nil {}
        case .array:
            var array = try beginArray()
            while try nextElement(in: &array) {}
        case .number: try reader.skipNumber()
        case .null: try reader.expectLiteral("null")
        case .bool: try reader.expectLiteral(reader.peek == UInt8(ascii: "t") ? "true" : "false")
        }
    }

    /// Checks that nothing but whitespace follows the value read.
    mutating func finish() throws(JSONParseError) {
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.error("unexpected text after the value") }
    }

    /// The string that spans exactly `range` of the text, or nil when that range is not one
    /// valid JSON string.
    func stringSlice(exactly range: Range<Int>) -> JSONStringSlice? {
        guard range.lowerBound >= 0, range.upperBound <= reader.bytes.count, range.count >= 2,
              reader.bytes[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        var checker = JSONReader(bytes: reader.bytes)
        checker.index = range.lowerBound
        guard let hasEscapes = try? checker.skipString(), checker.index == range.upperBound else { return nil }
        return JSONStringSlice(quote: range.lowerBound, end: range.upperBound, hasEscapes: hasEscapes)
    }

    /// The string at `slice`, decoded (escapes and all).
    func string(_ slice: JSONStringSlice) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: reader.bytes[(slice.quote + 1)..<(slice.end - 1)])
        guard slice.hasEscapes else {
            return CommonStrings.string(for: raw) ?? String(decoding: raw, as: UTF8.self)
        }
        var decoder = JSONReader(bytes: reader.bytes)
        decoder.index = slice.quote
        // The slice was checked when it was scanned, so decoding it again cannot fail.
        return (try? decoder.parseString()) ?? String(decoding: raw, as: UTF8.self)
    }

    private mutating func enter(_ opener: UInt8, closer: UInt8) throws(JSONParseError) -> Container {
        reader.skipWhitespace()
        guard reader.peek == opener else { throw reader.unexpected() }
        depth += 1
        guard depth <= JSONReader.maximumDepth else { throw reader.error("nesting too deep") }
        reader.index += 1
        reader.skipWhitespace()
        if reader.peek == closer {
            reader.index += 1
            depth -= 1
            return Container(isEmptyOrDone: true)
        }
        return Container(isEmptyOrDone: false)
    }

    /// Moves past the previous member or element (skipping it if unread) and its separator;
    /// false when the container has ended.
    private mutating func advance(_ container: inout Container, closer: UInt8) throws(JSONParseError) -> Bool {
        if container.isEmptyOrDone { return false }
        guard container.valueStart >= 0 else { return true }
        if reader.index == container.valueStart { try skipValue() }
        reader.skipWhitespace()
        guard let byte = reader.peek else { throw reader.error("unexpected end of input") }
        if byte == UInt8(ascii: ",") {
            reader.index += 1
            return true
        }
        guard byte == closer else {
            throw reader.error(closer == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'")
        }
        reader.index += 1
        depth -= 1
        container.isEmptyOrDone = true
        return false
    }
}

/// The kinds of JSON value, as ``JSONScanner/peekKind()`` reports what comes next.
enum JSONKind: Sendable {
    case object, array, string, number, bool, null
}

/// Where a string value is in the text a ``JSONScanner`` reads: from its opening quote to just
/// past its closing one. Decode it with ``JSONScanner/string(_:)``.
struct JSONStringSlice: Sendable, Hashable {
    var quote: Int
    var end: Int
    var hasEscapes: Bool
}

/// An object key met by ``JSONScanner``, compared with the key names a reader looks for.
/// Valid only while the scanner's bytes are.
struct JSONKey {
    /// The key's bytes between the quotes, escapes not yet decoded.
    let raw: UnsafeRawBufferPointer
    let hasEscapes: Bool

    /// True when the key is `name` (ASCII), whether or not the text spelled it with escapes.
    static func == (key: JSONKey, name: StaticString) -> Bool {
        let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        guard key.hasEscapes else {
            return key.raw.count == expected.count && memcmp(key.raw.baseAddress!, expected.baseAddress!, expected.count) == 0
        }
        return key.decodedEquals(expected)
    }

    /// Compares the key, decoding its escapes on the way, with the ASCII bytes `expected`.
    private func decodedEquals(_ expected: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var matched = 0
        while index < raw.count {
            var byte = raw[index]
            index += 1
            if byte == UInt8(ascii: "\\") {
                let escape = raw[index]
                index += 1
                switch escape {
                case UInt8(ascii: "b"): byte = 0x08
                case UInt8(ascii: "f"): byte = 0x0C
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                case UInt8(ascii: "t"): byte = 0x09
                case UInt8(ascii: "u"):
                    guard let value = UInt32(String(decoding: raw[index..<(index + 4)], as: UTF8.self), radix: 16), value < 0x80 else {
                        return false
                    }
                    byte = UInt8(value)
                    index += 4
                default: byte = escape
                }
            }
            guard matched < expected.count, expected[matched] == byte else { return false }
            matched += 1
        }
        return matched == expected.count
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
