/// Wraps styled words to a width, greedily, with a prefix on the first row (a list marker, a
/// heading's level) and a hanging indent on the rest. A word wider than a row is cut; a word
/// that starts a source line starts a row.
struct MarkdownProseLayout {
    let width: Int
    let first: [MarkdownSpan]
    let rest: [MarkdownSpan]
    let painter: MarkdownPainter

    /// The rows of `words`, starting at source offset `from` (a row's `resume`), each word's
    /// styles joined by `adding` (a heading's or a table header's bold).
    func rows(_ words: [MarkdownWord], from: Int = 0, adding added: MarkdownStyle = []) -> [MarkdownRow] {
        var rows: [MarkdownRow] = []
        // Painted as it is built: no array of spans per row.
        var row = MarkdownPainter.Row(painter)
        for span in from > 0 ? rest : first { row.append(span.text, style: span.style) }
        var used = Self.width(of: from > 0 ? rest : first)
        let restWidth = Self.width(of: rest)
        var resume = from
        var hasWord = false

        func push() {
            rows.append(MarkdownRow(text: row.finish(), width: used, resume: resume))
            row = MarkdownPainter.Row(painter)
            for span in rest { row.append(span.text, style: span.style) }
            used = restWidth
            hasWord = false
        }
        func append(_ word: MarkdownWord) {
            for span in word.spans { row.append(span.text, style: span.style.union(added)) }
            used += word.width
            hasWord = true
        }

        for var word in words {
            let end = word.offset + Self.bytes(of: word)
            guard end > from else { continue }
            if word.offset < from { word = Self.dropping(bytes: from - word.offset, of: word) }
            if hasWord && (word.startsLine || used + 1 + word.width > width) { push() }
            // A lead wider than the hanging indent (`Name: `) goes alone rather than cut a word
            // that fits on the next row.
            if !hasWord && used + word.width > width && restWidth + word.width <= width && used > restWidth {
                push()
            }
            if !hasWord { resume = word.offset }
            if hasWord {
                // Between words in `added` style the space is in it too: one run, not a run a word.
                row.append(" ", style: added)
                used += 1
            }
            // Too wide for any row: cut it into pieces that fill the rows.
            while used + word.width > width, word.width > 0 {
                let room = max(1, width - used)
                let (piece, remainder) = Self.split(word, cells: room)
                append(piece)
                push()
                word = remainder
                resume = word.offset
            }
            if word.width > 0 { append(word) }
        }
        if hasWord || rows.isEmpty { push() }
        return rows
    }

    static func width(of spans: [MarkdownSpan]) -> Int {
        spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// The UTF-8 bytes a word's visible text takes (offsets within it are counted in these).
    static func bytes(of word: MarkdownWord) -> Int {
        word.spans.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// The first characters of `word` that fit in `cells` (at least one), and the rest.
    static func split(_ word: MarkdownWord, cells: Int) -> (MarkdownWord, MarkdownWord) {
        var piece = MarkdownWord(offset: word.offset)
        var remainder = MarkdownWord()
        var bytes = 0
        var full = false
        for span in word.spans {
            for character in span.text {
                let characterWidth = DisplayWidth.of(character)
                if !full && (piece.width + characterWidth <= cells || piece.width == 0) {
                    Self.append(character, style: span.style, width: characterWidth, to: &piece)
                    bytes += character.utf8.count
                } else {
                    full = true
                    Self.append(character, style: span.style, width: characterWidth, to: &remainder)
                }
            }
        }
        remainder.offset = word.offset + bytes
        return (piece, remainder)
    }

    /// `word` without its first `bytes` bytes of text.
    static func dropping(bytes: Int, of word: MarkdownWord) -> MarkdownWord {
        var result = MarkdownWord(offset: word.offset + bytes)
        var skipped = 0
        for span in word.spans {
            for character in span.text {
                if skipped < bytes {
                    skipped += character.utf8.count
                } else {
                    append(character, style: span.style, width: DisplayWidth.of(character), to: &result)
                }
            }
        }
        return result
    }

    private static func append(_ character: Character, style: MarkdownStyle, width: Int, to word: inout MarkdownWord) {
        if let last = word.spans.last, last.style == style {
            word.spans[word.spans.count - 1].text.append(character)
        } else {
            word.spans.append(MarkdownSpan(text: String(character), style: style))
        }
        word.width += width
    }
}
