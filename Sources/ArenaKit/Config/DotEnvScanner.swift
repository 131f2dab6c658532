/// The syntax of a `.env` file exactly as python-dotenv (1.x) reads it, before `${VAR}`
/// expansion: one binding after another, each `[export ]KEY[ = value][ # comment]`, where the
/// value is unquoted (up to the end of the line, a ` #` comment cut off), single-quoted
/// (`\\` and `\'` escapes only) or double-quoted (`\\ \' \" \a \b \f \n \r \t \v`), and a
/// quoted value may span lines. A binding that does not parse is skipped to the end of its line,
/// as python-dotenv does.
struct DotEnvScanner {
    /// One binding as written: its key, its decoded value (nil for a bare `KEY` line) and the
    /// 1-based line its key stands on.
    struct Binding {
        var key: String
        var value: String?
        var line: Int
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var lineCounter: (index: Int, line: Int) = (0, 1)

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every binding of the text, in order.
    mutating func bindings() -> [Binding] {
        var result: [Binding] = []
        while position < scalars.count {
            skip(while: Self.isWhitespace)
            guard position < scalars.count else { break }
            do {
                if let binding = try binding() { result.append(binding) }
            } catch {
                skipRestOfLine()
            }
        }
        return result
    }

    private struct Mismatch: Error {}

    /// One binding from the current position (after leading whitespace); nil for a comment line.
    private mutating func binding() throws -> Binding? {
        skipExportPrefix()
        let keyStart = position
        let key = try self.key()
        skip(while: Self.isInlineWhitespace)
        var value: String?
        if peek == "=" {
            position += 1
            skip(while: Self.isInlineWhitespace)
            value = try self.value()
        }
        skipComment()
        try endOfLine()
        guard let key else { return nil }
        return Binding(key: key, value: value, line: line(at: keyStart))
    }

    /// `export` followed by at least one space or tab; anything else is part of the key.
    private mutating func skipExportPrefix() {
        let word: [Unicode.Scalar] = ["e", "x", "p", "o", "r", "t"]
        guard position + word.count < scalars.count, Array(scalars[position..<position + word.count]) == word,
              Self.isInlineWhitespace(scalars[position + word.count]) else { return }
        position += word.count
        skip(while: Self.isInlineWhitespace)
    }

    /// A key: nil at a `#` (a comment), `'quoted'`, or a run of characters other than `=`, `#`
    /// and whitespace.
    private mutating func key() throws -> String? {
        switch peek {
        case "#":
            return nil
        case "'":
            position += 1
            let start = position
            skip { $0 != "'" }
            guard position > start, peek == "'" else { throw Mismatch() }
            position += 1
            return String(String.UnicodeScalarView(scalars[start..<position - 1]))
        default:
            let start = position
            skip { $0 != "=" && $0 != "#" && !Self.isWhitespace($0) }
            guard position > start else { throw Mismatch() }
            return String(String.UnicodeScalarView(scalars[start..<position]))
        }
    }

    private mutating func value() throws -> String {
        switch peek {
        case "'": return Self.decode(try quoted(by: "'"), escapes: ["\\": "\\", "'": "'"])
        case "\"": return Self.decode(try quoted(by: "\""), escapes: Self.doubleQuoteEscapes)
        case nil, "\n", "\r": return ""
        default: return unquoted()
        }
    }

    /// The raw text between `quote`s, as python-dotenv's `'((?:\\'|[^'])*)'` matches it: an
    /// escaped quote does not end the value, unless no later quote does (the regex backtracks
    /// to the last escaped quote then).
    private mutating func quoted(by quote: Unicode.Scalar) throws -> [Unicode.Scalar] {
        let start = position + 1
        var index = start
        var lastEscapedQuote: Int?
        while index < scalars.count {
            if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == quote {
                lastEscapedQuote = index
                index += 2
            } else if scalars[index] == quote {
                position = index + 1
                return Array(scalars[start..<index])
            } else {
                index += 1
            }
        }
        guard let backslash = lastEscapedQuote else { throw Mismatch() }
        position = backslash + 2
        return Array(scalars[start...backslash])
    }

    /// The rest of the line, cut at the first `#` that follows whitespace, trailing whitespace
    /// trimmed.
    private mutating func unquoted() -> String {
        let start = position
        skip { $0 != "\n" && $0 != "\r" }
        var end = position
        if let hash = (start..<position).first(where: { scalars[$0] == "#" && $0 > start && Self.isWhitespace(scalars[$0 - 1]) }) {
            end = hash
        }
        while end > start, Self.isWhitespace(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// An optional comment: inline whitespace, `#`, the rest of the line.
    private mutating func skipComment() {
        var index = position
        while index < scalars.count, Self.isInlineWhitespace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "#" else { return }
        position = index
        skip { $0 != "\n" && $0 != "\r" }
    }

    /// Inline whitespace then a line break or the end of the text; anything else is a mismatch.
    private mutating func endOfLine() throws {
        skip(while: Self.isInlineWhitespace)
        switch peek {
        case nil: return
        case "\r":
            position += 1
            if peek == "\n" { position += 1 }
        case "\n":
            position += 1
        default:
            throw Mismatch()
        }
    }

    /// After a mismatch: up to and including the line break (`\r`, `\n`; a `\r\n` loses its `\n`
    /// to the next binding's leading whitespace, as in python-dotenv).
    private mutating func skipRestOfLine() {
        skip { $0 != "\n" && $0 != "\r" }
        if position < scalars.count { position += 1 }
    }

    private var peek: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
        while position < scalars.count, predicate(scalars[position]) { position += 1 }
    }

    /// The 1-based line of `index` (`\r\n`, `\n` and `\r` each end a line); indexes are asked
    /// for in increasing order, so the text is counted once.
    private mutating func line(at index: Int) -> Int {
        var (cursor, line) = lineCounter
        while cursor < index {
            if scalars[cursor] == "\n" || (scalars[cursor] == "\r" && (cursor + 1 >= scalars.count || scalars[cursor + 1] != "\n")) {
                line += 1
            }
            cursor += 1
        }
        lineCounter = (cursor, line)
        return line
    }

    private static let doubleQuoteEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}",
        "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
    ]

    /// `raw` with each backslash escape in `escapes` replaced, left to right; other backslashes
    /// stay.
    private static func decode(_ raw: [Unicode.Scalar], escapes: [Unicode.Scalar: Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        var index = 0
        while index < raw.count {
            if raw[index] == "\\", index + 1 < raw.count, let decoded = escapes[raw[index + 1]] {
                result.append(decoded)
                index += 2
            } else {
                result.append(raw[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Python's `\s`: Unicode whitespace plus the information separators U+001C–U+001F.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// Python's `[^\S\r\n]`: whitespace that does not end a line.
    static func isInlineWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\r" && isWhitespace(scalar)
    }
}
