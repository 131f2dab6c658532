/// A word of prose with no inline Markdown: where its UTF-8 bytes lie in the text, its width
/// in cells, and whether it starts a source line.
struct MarkdownPlainWord: Sendable, Hashable {
    var start: Int
    var end: Int
    var width: Int
    var startsLine: Bool
}

/// Splits text with no character Markdown gives a meaning inline into words, on its UTF-8
/// bytes: at spaces, tabs and line breaks, one cell per byte when a word is ASCII (measured
/// otherwise). The fast path of ``MarkdownInline`` and of plain paragraphs' layout.
enum MarkdownPlainText {
    /// The words of `utf8`, or `nil` when it has a byte that starts inline Markdown
    /// (`*` `_` `` ` `` `~` `[` `<` `\`) or a control byte other than a tab or line feed.
    static func words(_ utf8: [UInt8]) -> [MarkdownPlainWord]? {
        var words: [MarkdownPlainWord] = []
        var start = -1
        var startsLine = false
        var lineBreak = false
        var ascii = true
        func end(at index: Int) {
            guard start >= 0 else { return }
            let width = ascii ? index - start : DisplayWidth.of(String(decoding: utf8[start..<index], as: UTF8.self))
            words.append(MarkdownPlainWord(start: start, end: index, width: width, startsLine: startsLine))
            start = -1
            ascii = true
        }
        for offset in utf8.indices {
            let byte = utf8[offset]
            switch byte {
            case 0x20, 0x09, 0x0A:
                end(at: offset)
                if byte == 0x0A { lineBreak = true }
            case 0x2A, 0x5F, 0x60, 0x7E, 0x5B, 0x3C, 0x5C:
                // * _ ` ~ [ < \ start something inline: the full reader takes the text.
                return nil
            case 0x00..<0x20, 0x7F:
                return nil
            default:
                if start < 0 {
                    start = offset
                    startsLine = lineBreak
                    lineBreak = false
                }
                if byte >= 0x80 { ascii = false }
            }
        }
        end(at: utf8.count)
        return words
    }
}
