extension MarkdownLayout {
    /// The rows of a paragraph with no inline Markdown, wrapped on its UTF-8 bytes: the rows
    /// ``MarkdownProseLayout`` makes for it, without building a styled word for every word.
    /// `nil` when the text has inline syntax or no words, when a word would be cut (wider than
    /// a row, or of no width), or when `from` falls inside a word: the full layout takes those.
    func plainParagraphRows(_ text: String, indent: Int, from: Int) -> [MarkdownRow]? {
        let utf8 = Array(text.utf8)
        let room = width - indent
        guard let words = MarkdownPlainText.words(utf8), !words.isEmpty,
              words.allSatisfy({ $0.width > 0 && $0.width <= room && ($0.end <= from || $0.start >= from) })
        else { return nil }
        var rows: [MarkdownRow] = []
        var row = [UInt8](repeating: 0x20, count: indent)
        var used = indent
        var resume = from
        var hasWord = false
        func push() {
            rows.append(MarkdownRow(text: painter.paint(plain: String(decoding: row, as: UTF8.self)), width: used, resume: resume))
            row.removeSubrange(indent...)
            used = indent
            hasWord = false
        }
        for word in words where word.end > from {
            if hasWord && (word.startsLine || used + 1 + word.width > width) { push() }
            if hasWord {
                row.append(0x20)
                used += 1
            } else {
                resume = word.start
            }
            row.append(contentsOf: utf8[word.start..<word.end])
            used += word.width
            hasWord = true
        }
        if hasWord || rows.isEmpty { push() }
        return rows
    }
}
