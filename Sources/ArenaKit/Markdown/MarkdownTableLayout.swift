/// Fits a table to the column: each column as wide as its widest cell, the widest columns
/// shrunk until the table fits, cells wrapped at word boundaries. When even three cells per
/// column cannot fit, every row is shown as `header: value` lines instead.
struct MarkdownTableLayout {
    let width: Int
    let painter: MarkdownPainter

    static let separator = " │ "
    static let narrowest = 3

    /// The table's rows, from source row `from` (0 is the header).
    func rows(_ table: MarkdownTable, from: Int = 0) -> [MarkdownRow] {
        let count = table.header.count
        let room = width - Self.separator.count * (count - 1)
        guard count > 0, room >= Self.narrowest * count else {
            return table.rows.enumerated().flatMap { index, row in
                index + 1 < from ? [] : record(header: table.header, cells: row, resume: index + 1)
            }
        }
        let header = table.header.map { cellWords($0, bold: true) }
        let body = table.rows.map { $0.map { cellWords($0, bold: false) } }
        let widths = fittedWidths(([header] + body).map { $0.map(Self.naturalWidth) }, room: room)
        var rows: [MarkdownRow] = []
        let separator = painter.paint([MarkdownSpan(text: Self.separator, style: .mark)])
        if from == 0 {
            rows += lines(header, widths: widths, separator: separator, resume: 0)
            var rule = ""
            for (index, cells) in widths.enumerated() {
                if index > 0 { rule += "─┼─" }
                rule += String(repeating: "─" as String, count: cells)
            }
            rows.append(MarkdownRow(text: painter.paint([MarkdownSpan(text: rule, style: .mark)]), width: widths.reduce(0, +) + 3 * (widths.count - 1), resume: 1))
        }
        for (index, row) in body.enumerated() where index + 1 >= max(1, from) {
            rows += lines(row, widths: widths, separator: separator, resume: index + 1)
        }
        return rows
    }

    /// One table row as `header: value` lines, the first marked `•`.
    func record(header: [String], cells: [String], resume: Int) -> [MarkdownRow] {
        zip(header, cells).enumerated().flatMap { index, pair in
            let name = MarkdownInline.words(pair.0 + ":").flatMap(\.spans).map { MarkdownSpan(text: $0.text, style: $0.style.union(.bold)) }
            let lead = [MarkdownSpan(text: index == 0 ? "• " : "  ", style: [])] + name + [MarkdownSpan(text: " ", style: [])]
            let layout = MarkdownProseLayout(width: width, first: lead, rest: [MarkdownSpan(text: "    ", style: [])], painter: painter)
            return layout.rows(MarkdownInline.words(pair.1)).map { MarkdownRow(text: $0.text, width: $0.width, resume: resume) }
        }
    }

    private func cellWords(_ text: String, bold: Bool) -> [MarkdownWord] {
        let words = MarkdownInline.words(text)
        guard bold else { return words }
        return words.map { word in
            var word = word
            word.spans = word.spans.map { MarkdownSpan(text: $0.text, style: $0.style.union(.bold)) }
            return word
        }
    }

    /// A cell that fits its column on one row: the row ``MarkdownProseLayout`` would make,
    /// without its wrapping machinery (most cells are short); `nil` when it must wrap.
    private func singleRow(_ words: [MarkdownWord], width: Int) -> MarkdownRow? {
        let natural = Self.naturalWidth(words)
        guard natural <= width, !words.dropFirst().contains(where: \.startsLine) else { return nil }
        var spans: [MarkdownSpan] = []
        spans.reserveCapacity(words.count * 2)
        for (index, word) in words.enumerated() {
            if index > 0 { spans.append(MarkdownSpan(text: " ", style: [])) }
            spans += word.spans
        }
        return MarkdownRow(text: painter.paint(spans), width: natural, resume: words.first?.offset ?? 0)
    }

    private static func naturalWidth(_ words: [MarkdownWord]) -> Int {
        words.isEmpty ? 0 : words.reduce(0) { $0 + $1.width } + words.count - 1
    }

    /// Column widths that add up to at most `room`: natural widths, the widest cut first.
    private func fittedWidths(_ natural: [[Int]], room: Int) -> [Int] {
        let count = natural.first?.count ?? 0
        var widths = (0..<count).map { column in max(1, natural.map { $0[column] }.max() ?? 1) }
        var total = widths.reduce(0, +)
        while total > room, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > Self.narrowest {
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// The screen rows of one table row: each cell wrapped in its column, side by side.
    private func lines(_ cells: [[MarkdownWord]], widths: [Int], separator: String, resume: Int) -> [MarkdownRow] {
        let wrapped = zip(cells, widths).map { words, cellWidth in
            singleRow(words, width: cellWidth).map { [$0] }
                ?? MarkdownProseLayout(width: cellWidth, first: [], rest: [], painter: painter).rows(words)
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            var text = ""
            var used = 0
            for (column, rows) in wrapped.enumerated() {
                if column > 0 {
                    text += separator
                    used += Self.separator.count
                }
                let cell = line < rows.count ? rows[line] : MarkdownRow(text: "", width: 0, resume: 0)
                text += cell.text
                used += cell.width
                if column + 1 < wrapped.count {
                    text += .spaces(widths[column] - cell.width)
                    used += max(0, widths[column] - cell.width)
                }
            }
            return MarkdownRow(text: text, width: used, resume: resume)
        }
    }
}
