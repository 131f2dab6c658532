extension MarkdownLayout {
    /// The rows of a paragraph with no inline Markdown, wrapped on its UTF-8 bytes: the rows
    /// ``MarkdownProseLayout`` makes for it, without building a styled word for every word.
    /// `nil` when the text has inline syntax or no words, when a word would be cut (wider than
    /// a row, or of no width), or when `from` falls inside a word: the full layout takes those.
    func plainParagraphRows(_ text: String, indent: Int, from: Int) -> [MarkdownRow]? {
        let pad = PlainLead(text: .spaces(indent), width: indent)
        return plainProseRows(text, first: pad, rest: pad, from: from)
    }

    /// The same for a list item: `first` (its indent and marker) before the first row, `rest`
    /// (the hanging indent) before the others.
    func plainListItemRows(_ text: String, first: PlainLead, rest: PlainLead, from: Int) -> [MarkdownRow]? {
        plainProseRows(text, first: first, rest: rest, from: from)
    }

    /// Unstyled text that starts a row, and the cells it takes.
    struct PlainLead {
        var text: String
        var width: Int
    }

    private func plainProseRows(_ text: String, first: PlainLead, rest: PlainLead, from: Int) -> [MarkdownRow]? {
        let utf8 = Array(text.utf8)
        let room = width - max(first.width, rest.width)
        guard let words = MarkdownPlainText.words(utf8), !words.isEmpty,
              words.allSatisfy({ $0.width > 0 && $0.width <= room && ($0.end <= from || $0.start >= from) })
        else { return nil }
        var rows: [MarkdownRow] = []
        let lead = from > 0 ? rest : first
        var row = Array(lead.text.utf8)
        var used = lead.width
        var resume = from
        var hasWord = false
        func push() {
            rows.append(MarkdownRow(text: painter.paint(plain: String(decoding: row, as: UTF8.self)), width: used, resume: resume))
            row.removeAll(keepingCapacity: true)
            row.append(contentsOf: rest.text.utf8)
            used = rest.width
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
