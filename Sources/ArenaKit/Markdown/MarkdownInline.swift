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
        let utf8 = Array(text.utf8)
        if let plain = plainWords(utf8) { return plain }
        var reader = MarkdownInlineReader(utf8)
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
    private static func plainWords(_ utf8: [UInt8]) -> [MarkdownWord]? {
        MarkdownPlainText.words(utf8)?.map { word in
            let piece = String(decoding: utf8[word.start..<word.end], as: UTF8.self)
            return MarkdownWord(spans: [MarkdownSpan(text: piece, style: [])], width: word.width, offset: word.start, startsLine: word.startsLine)
        }
    }
}
