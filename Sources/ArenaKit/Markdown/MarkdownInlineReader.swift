/// The reader behind ``MarkdownInline``: walks a block's UTF-8 bytes (every character inline
/// Markdown gives a meaning is ASCII, so nothing is split inside a character) and builds
/// styled words, keeping each word's UTF-8 offset in the block.
///
/// It reads bytes rather than Swift `Character`s because it runs on every block of every
/// streamed answer: breaking text into grapheme clusters first cost more than the reading.
/// Widths are measured per word (``DisplayWidth``), where clusters still count as one.
struct MarkdownInlineReader {
    private let bytes: [UInt8]
    /// Where each delimiter (`*`, `_`, `~`, and each doubled) last occurs, so "is there a
    /// closer later" is one comparison.
    private let lastDelimiter: [Int]
    private var index = 0
    private var style: MarkdownStyle = []
    private(set) var words: [MarkdownWord] = []
    private var word = MarkdownWord()
    /// The bytes of the word's last span, not yet made a `String`.
    private var span: [UInt8] = []
    private var spanStyle: MarkdownStyle = []
    private var lineBreak = false

    private static let star = UInt8(ascii: "*"), underscore = UInt8(ascii: "_"), tilde = UInt8(ascii: "~")
    private static let backtick = UInt8(ascii: "`"), backslash = UInt8(ascii: "\\"), space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openParen = UInt8(ascii: "("), closeParen = UInt8(ascii: ")")
    private static let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), bang = UInt8(ascii: "!")

    /// How far a code span's closing backticks, a link's `]` or its `)`, or an autolink's `>`
    /// are looked for. A model's line may be megabytes of `[`, `<` or backticks: unbounded, each would scan to the
    /// end of the block (quadratic, a hang); bounded, a longer span shows as written.
    static let scanLimit = 2_000

    /// The slot of `lastDelimiter` for a delimiter byte, single or doubled.
    private static func slot(_ byte: UInt8, doubled: Bool) -> Int {
        (byte == star ? 0 : byte == underscore ? 1 : 2) + (doubled ? 3 : 0)
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var last = [Int](repeating: -1, count: 6)
        for (position, byte) in bytes.enumerated() where byte == Self.star || byte == Self.underscore || byte == Self.tilde {
            last[Self.slot(byte, doubled: false)] = position
            if position > 0, bytes[position - 1] == byte { last[Self.slot(byte, doubled: true)] = position - 1 }
        }
        lastDelimiter = last
    }

    /// Takes every byte as text: nothing is Markdown.
    mutating func readLiteral() {
        while index < bytes.count {
            add(bytes[index])
            index += 1
        }
    }

    /// Reads until `stop` (a closing `]`) or the end.
    mutating func read(until stop: UInt8?) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == stop { return }
            switch byte {
            case Self.backslash where index + 1 < bytes.count && Self.isEscapable(bytes[index + 1]):
                add(bytes[index + 1])
                index += 2
            case Self.backtick:
                readCode()
            case Self.star, Self.underscore, Self.tilde:
                readDelimiter(byte)
            case Self.openBracket:
                if !readLink() { add(byte); index += 1 }
            case Self.bang where index + 1 < bytes.count && bytes[index + 1] == Self.openBracket:
                index += 1
                if !readLink() { add(Self.bang); add(Self.openBracket); index += 1 }
            case Self.less:
                if !readAutolink() { add(byte); index += 1 }
            case Self.space, Self.newline, Self.tab:
                add(byte)
                index += 1
            default:
                // A run of text with nothing inline in it is added at once, not byte by byte.
                var end = index + 1
                while end < bytes.count, !Self.endsRun[Int(bytes[end])], bytes[end] != stop { end += 1 }
                addRun(upTo: end)
            }
        }
    }

    private mutating func readCode() {
        var run = 0
        while index + run < bytes.count, bytes[index + run] == Self.backtick { run += 1 }
        var search = index + run
        let searchEnd = min(bytes.count, search + Self.scanLimit)
        while search < searchEnd {
            guard bytes[search] == Self.backtick else {
                search += 1
                continue
            }
            var closing = 0
            while search + closing < bytes.count, bytes[search + closing] == Self.backtick { closing += 1 }
            if closing == run {
                var content = bytes[(index + run)..<search]
                if content.count > 1, content.first == Self.space, content.last == Self.space, content.contains(where: { $0 != Self.space }) {
                    content = content.dropFirst().dropLast()
                }
                let saved = style
                style.insert(.code)
                for byte in content { add(byte == Self.newline ? Self.space : byte) }
                style = saved
                index = search + closing
                return
            }
            search += closing
        }
        for _ in 0..<run { add(Self.backtick) }
        index += run
    }

    private mutating func readDelimiter(_ byte: UInt8) {
        let doubled = index + 1 < bytes.count && bytes[index + 1] == byte
        let length = doubled ? 2 : 1
        let flag: MarkdownStyle = byte == Self.tilde ? .strike : (length == 2 ? .bold : .italic)
        let before = index > 0 ? Self.kind(before: index, in: bytes) : .space
        let after = index + length < bytes.count ? Self.kind(at: index + length, in: bytes) : .space
        // `_` never opens or closes inside a word (snake_case stays as written).
        let intraword = byte == Self.underscore && before == .alphanumeric && after == .alphanumeric
        let singleTilde = byte == Self.tilde && length == 1
        if style.contains(flag), before != .space, !intraword, !singleTilde {
            style.remove(flag)
        } else if !style.contains(flag), after != .space, !intraword, !singleTilde,
                  lastDelimiter[Self.slot(byte, doubled: length == 2)] > index + length,
                  !(byte == Self.underscore && before == .alphanumeric) {
            style.insert(flag)
        } else {
            for _ in 0..<length { add(byte) }
        }
        index += length
    }

    /// `[text](url)`: the text in link style, then ` (url)` unless the text is the URL.
    private mutating func readLink() -> Bool {
        guard let close = closingBracket(from: index), close + 1 < bytes.count, bytes[close + 1] == Self.openParen,
              let end = bytes[(close + 2)..<min(bytes.count, close + 2 + Self.scanLimit)].firstIndex(of: Self.closeParen) else { return false }
        var target = bytes[(close + 2)..<end]
        if let space = target.firstIndex(of: Self.space) { target = target[..<space] }
        if target.first == Self.less, target.last == Self.greater, target.count >= 2 { target = target.dropFirst().dropLast() }
        let text = bytes[(index + 1)..<close]
        index += 1
        let saved = style
        style.insert(.link)
        read(until: Self.closeBracket)
        style = saved
        index = end + 1
        if !target.isEmpty && !target.elementsEqual(text) {
            endWord()
            add(Self.openParen)
            for byte in target { add(byte) }
            add(Self.closeParen)
        }
        return true
    }

    private func closingBracket(from start: Int) -> Int? {
        var depth = 0
        var position = start
        let end = min(bytes.count, start + Self.scanLimit)
        while position < end {
            switch bytes[position] {
            case Self.openBracket: depth += 1
            case Self.closeBracket:
                depth -= 1
                if depth == 0 { return position }
            case Self.backslash: position += 1
            default: break
            }
            position += 1
        }
        return nil
    }

    /// `<https://…>`: the URL, in link style.
    private mutating func readAutolink() -> Bool {
        guard let end = bytes[index..<min(bytes.count, index + Self.scanLimit)].firstIndex(of: Self.greater) else { return false }
        let inside = bytes[(index + 1)..<end]
        let schemes = ["http://", "https://", "mailto:"]
        guard schemes.contains(where: { inside.starts(with: $0.utf8) }), !inside.contains(Self.space) else { return false }
        let saved = style
        style.insert(.link)
        for byte in inside { add(byte) }
        style = saved
        index = end + 1
        return true
    }

    /// ASCII punctuation and symbols: what a backslash escapes.
    private static func isEscapable(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// What flanks a delimiter run, as emphasis rules need it.
    private enum Flank { case space, alphanumeric, other }

    private static func kind(at position: Int, in bytes: [UInt8]) -> Flank {
        let byte = bytes[position]
        if byte < 0x80 { return asciiKind(byte) }
        var decoder = UTF8()
        var iterator = bytes[position...].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return .other }
        return scalarKind(scalar)
    }

    private static func kind(before position: Int, in bytes: [UInt8]) -> Flank {
        var start = position - 1
        if bytes[start] < 0x80 { return asciiKind(bytes[start]) }
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return kind(at: start, in: bytes)
    }

    private static func asciiKind(_ byte: UInt8) -> Flank {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .space
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .alphanumeric
        default: return .other
        }
    }

    private static func scalarKind(_ scalar: Unicode.Scalar) -> Flank {
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isAlphabetic || properties.numericType != nil { return .alphanumeric }
        return .other
    }

    /// The bytes a run of plain text stops at: spaces and line breaks (a word ends) and every
    /// byte that may start something inline.
    private static let endsRun: [Bool] = (0...255).map { value in
        [space, newline, tab, backslash, backtick, star, underscore, tilde, openBracket, closeBracket, bang, less].contains(UInt8(value))
    }

    /// Adds `bytes[index..<end]` (no space, tab or line break among them) as text, and moves on.
    private mutating func addRun(upTo end: Int) {
        if word.spans.isEmpty && span.isEmpty {
            word.offset = index
            word.startsLine = lineBreak
            lineBreak = false
        }
        if style != spanStyle, !span.isEmpty { endSpan() }
        spanStyle = style
        span.append(contentsOf: bytes[index..<end])
        index = end
    }

    mutating func add(_ byte: UInt8) {
        if byte == Self.space || byte == Self.newline || byte == Self.tab {
            endWord()
            if byte == Self.newline { lineBreak = true }
            return
        }
        if word.spans.isEmpty && span.isEmpty {
            word.offset = min(index, bytes.count)
            word.startsLine = lineBreak
            lineBreak = false
        }
        if style != spanStyle, !span.isEmpty { endSpan() }
        spanStyle = style
        span.append(byte)
    }

    private mutating func endSpan() {
        guard !span.isEmpty else { return }
        let text = String(decoding: span, as: UTF8.self)
        word.width += DisplayWidth.of(text)
        word.spans.append(MarkdownSpan(text: text, style: spanStyle))
        span.removeAll(keepingCapacity: true)
    }

    mutating func endWord() {
        endSpan()
        guard !word.spans.isEmpty else { return }
        words.append(word)
        word = MarkdownWord()
    }
}
