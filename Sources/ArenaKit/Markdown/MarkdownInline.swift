/// The inline styles arena draws: Markdown's emphasis, code and links, and its own marks.
struct MarkdownStyle: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let bold = MarkdownStyle(rawValue: 1)
    static let italic = MarkdownStyle(rawValue: 2)
    static let code = MarkdownStyle(rawValue: 4)
    static let strike = MarkdownStyle(rawValue: 8)
    static let link = MarkdownStyle(rawValue: 16)
    /// arena's own marks: gutters, heading levels, rules, continuation marks.
    static let mark = MarkdownStyle(rawValue: 32)
    static let all: MarkdownStyle = [.bold, .italic, .code, .strike, .link, .mark]
}

/// A run of text in one style.
struct MarkdownSpan: Sendable, Hashable {
    var text: String
    var style: MarkdownStyle
}

/// A word of prose: its styled pieces, its width in cells, and its UTF-8 offset in the source.
struct MarkdownWord: Sendable, Hashable {
    var spans: [MarkdownSpan] = []
    var width = 0
    var offset = 0
    /// The word starts a source line: it starts a row too.
    var startsLine = false
}

/// Reads inline Markdown (emphasis, strikethrough, code spans, links, autolinks, escapes) into
/// styled words, the markers hidden. Emphasis needs its closing delimiter in the same block to
/// apply, so while a block streams an unclosed `**` shows as typed until its close arrives.
/// A link shows its text, then its URL once in brackets (never as a terminal hyperlink).
/// A line break inside a paragraph is kept (as GitHub shows comments): models break lines on
/// purpose, and a column is no place to join them.
enum MarkdownInline {
    static func words(_ text: String, literal: Bool = false) -> [MarkdownWord] {
        if let plain = plainWords(text) { return plain }
        var reader = Reader(Array(text))
        if literal {
            reader.readLiteral()
        } else {
            reader.read(until: nil)
        }
        reader.endWord()
        return reader.words
    }

    /// The fast path, for text with no character Markdown gives a meaning inline (see
    /// ``MarkdownPlainText``); `nil` for any other text.
    private static func plainWords(_ text: String) -> [MarkdownWord]? {
        let utf8 = Array(text.utf8)
        return MarkdownPlainText.words(utf8)?.map { word in
            let piece = String(decoding: utf8[word.start..<word.end], as: UTF8.self)
            return MarkdownWord(spans: [MarkdownSpan(text: piece, style: [])], width: word.width, offset: word.start, startsLine: word.startsLine)
        }
    }

    private struct Reader {
        let characters: [Character]
        /// UTF-8 offset of each character.
        let offsets: [Int]
        /// Where each delimiter (`*`, `_`, `~`, and each doubled) last occurs, so "is there a
        /// closer later" is one comparison.
        let lastDelimiter: [Int]
        var index = 0
        var style: MarkdownStyle = []
        var words: [MarkdownWord] = []
        var word = MarkdownWord()
        var lineBreak = false

        /// The slot of `lastDelimiter` for a delimiter character, single or doubled.
        static func slot(_ character: Character, doubled: Bool) -> Int {
            (character == "*" ? 0 : character == "_" ? 1 : 2) + (doubled ? 3 : 0)
        }

        init(_ characters: [Character]) {
            self.characters = characters
            var offsets: [Int] = []
            offsets.reserveCapacity(characters.count + 1)
            var offset = 0
            var last = [Int](repeating: -1, count: 6)
            for (position, character) in characters.enumerated() {
                offsets.append(offset)
                offset += character.utf8.count
                if character == "*" || character == "_" || character == "~" {
                    last[Self.slot(character, doubled: false)] = position
                    if position > 0, characters[position - 1] == character { last[Self.slot(character, doubled: true)] = position - 1 }
                }
            }
            offsets.append(offset)
            self.offsets = offsets
            lastDelimiter = last
        }

        mutating func readLiteral() {
            while index < characters.count {
                add(characters[index])
                index += 1
            }
        }

        /// Reads until `stop` (a closing `]`) or the end.
        mutating func read(until stop: Character?) {
            while index < characters.count {
                let character = characters[index]
                if character == stop { return }
                switch character {
                case "\\" where index + 1 < characters.count && Self.isEscapable(characters[index + 1]):
                    add(characters[index + 1])
                    index += 2
                case "`":
                    readCode()
                case "*", "_", "~":
                    readDelimiter(character)
                case "[":
                    if !readLink() { add(character); index += 1 }
                case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                    index += 1
                    if !readLink() { add("!"); add("["); index += 1 }
                case "<":
                    if !readAutolink() { add(character); index += 1 }
                default:
                    add(character)
                    index += 1
                }
            }
        }

        private mutating func readCode() {
            var run = 0
            while index + run < characters.count, characters[index + run] == "`" { run += 1 }
            var search = index + run
            let searchEnd = min(characters.count, search + Self.scanLimit)
            while search < searchEnd {
                if characters[search] == "`" {
                    var closing = 0
                    while search + closing < characters.count, characters[search + closing] == "`" { closing += 1 }
                    if closing == run {
                        var content = characters[(index + run)..<search]
                        if content.count > 1, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
                            content = content.dropFirst().dropLast()
                        }
                        let saved = style
                        style.insert(.code)
                        for character in content { add(character == "\n" ? " " : character) }
                        style = saved
                        index = search + closing
                        return
                    }
                    search += closing
                } else {
                    search += 1
                }
            }
            for _ in 0..<run { add("`") }
            index += run
        }

        private mutating func readDelimiter(_ character: Character) {
            let doubled = index + 1 < characters.count && characters[index + 1] == character
            let length = character == "~" || doubled ? (doubled ? 2 : 1) : 1
            let flag: MarkdownStyle = character == "~" ? .strike : (length == 2 ? .bold : .italic)
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + length < characters.count ? characters[index + length] : " "
            // `_` never opens or closes inside a word (snake_case stays as written).
            let intraword = character == "_" && (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber)
            if style.contains(flag), !before.isWhitespace, !intraword, !(character == "~" && length == 1) {
                style.remove(flag)
            } else if !style.contains(flag), !after.isWhitespace, !intraword, !(character == "~" && length == 1),
                      lastDelimiter[Self.slot(character, doubled: length == 2)] > index + length,
                      !(character == "_" && (before.isLetter || before.isNumber)) {
                style.insert(flag)
            } else {
                for _ in 0..<length { add(character) }
            }
            index += length
        }

        /// `[text](url)`: the text in link style, then ` (url)` unless the text is the URL.
        private mutating func readLink() -> Bool {
            guard let close = closingBracket(from: index), close + 1 < characters.count, characters[close + 1] == "(",
                  let end = characters[(close + 2)..<min(characters.count, close + 2 + Self.scanLimit)].firstIndex(of: ")") else { return false }
            var target = String(characters[(close + 2)..<end])
            if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
            if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
            let text = String(characters[(index + 1)..<close])
            index += 1
            let saved = style
            style.insert(.link)
            read(until: "]")
            style = saved
            index = end + 1
            if !target.isEmpty && target != text {
                endWord()
                for character in "(" + target + ")" { add(character) }
            }
            return true
        }

        /// How far a code span's closing backticks, a link's `]` or its `)` are looked for. A
        /// model's line may be megabytes of `[` or backticks: unbounded, each would scan to the
        /// end of the block (quadratic, a hang); bounded, a longer span shows as written.
        static let scanLimit = 2_000

        private func closingBracket(from start: Int) -> Int? {
            var depth = 0
            var position = start
            let end = min(characters.count, start + Self.scanLimit)
            while position < end {
                switch characters[position] {
                case "[": depth += 1
                case "]":
                    depth -= 1
                    if depth == 0 { return position }
                case "\\": position += 1
                default: break
                }
                position += 1
            }
            return nil
        }

        /// `<https://…>`: the URL, in link style.
        private mutating func readAutolink() -> Bool {
            guard let end = characters[index...].firstIndex(of: ">") else { return false }
            let inside = String(characters[(index + 1)..<end])
            guard inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:"), !inside.contains(" ") else { return false }
            let saved = style
            style.insert(.link)
            for character in inside { add(character) }
            style = saved
            index = end + 1
            return true
        }

        private static func isEscapable(_ character: Character) -> Bool {
            character.isASCII && (character.isPunctuation || character.isSymbol)
        }

        mutating func add(_ character: Character) {
            if character == " " || character == "\n" || character == "\t" {
                endWord()
                if character == "\n" { lineBreak = true }
                return
            }
            if word.spans.isEmpty {
                word.offset = offsets[min(index, offsets.count - 1)]
                word.startsLine = lineBreak
                lineBreak = false
            }
            if let last = word.spans.last, last.style == style {
                word.spans[word.spans.count - 1].text.append(character)
            } else {
                word.spans.append(MarkdownSpan(text: String(character), style: style))
            }
            word.width += DisplayWidth.of(character)
        }

        mutating func endWord() {
            guard !word.spans.isEmpty else { return }
            words.append(word)
            word = MarkdownWord()
        }
    }
}
