/// Fits a table to the column: each column as wide as its widest cell, the widest columns
/// shrunk until the table fits, cells wrapped at word boundaries. A word is never cut inside a
/// cell: when the columns cannot all be as wide as their longest words (nor three cells wide),
/// every row is shown as `header: value` lines instead.
struct MarkdownTableLayout {
    let width: Int
    let painter: MarkdownPainter
    /// Plain cells go through the styled-word path too (for tests comparing the two paths).
    var readsPlainCellsAsWords = false

    static let separator = " │ "
    /// The cells ``separator`` takes.
    static let separatorWidth = 3
    static let narrowest = 3

    /// The table's rows, from source row `from` (0 is the header).
    func rows(_ table: MarkdownTable, from: Int = 0) -> [MarkdownRow] {
        let count = table.header.count
        let room = width - Self.separatorWidth * (count - 1)
        guard count > 0, room >= Self.narrowest * count else {
            return records(table, from: from)
        }
        let header = table.header.map { Cell($0, style: .bold, readsPlainText: !readsPlainCellsAsWords) }
        let body = table.rows.map { $0.map { Cell($0, style: [], readsPlainText: !readsPlainCellsAsWords) } }
        let all = [header] + body
        let natural = (0..<count).map { column in max(1, all.map { $0[column].naturalWidth }.max() ?? 1) }
        // The narrowest each column can be: its longest word (three cells at least), or all
        // of it when it is narrower than that.
        let floors = (0..<count).map { column in
            min(natural[column], max(Self.narrowest, all.map { $0[column].longestWord }.max() ?? 0))
        }
        guard floors.reduce(0, +) <= room else {
            return records(table, from: from)
        }
        let widths = fittedWidths(natural, floors: floors, room: room)
        var rows: [MarkdownRow] = []
        let separator = painter.paint(Self.separator, style: .mark)
        if from == 0 {
            rows += lines(header, widths: widths, separator: separator, resume: 0)
            rows.append(MarkdownRow(text: painter.paint(Self.rule(widths), style: .mark), width: widths.reduce(0, +) + Self.separatorWidth * (widths.count - 1), resume: 1))
        }
        for (index, row) in body.enumerated() where index + 1 >= max(1, from) {
            rows += lines(row, widths: widths, separator: separator, resume: index + 1)
        }
        return rows
    }

    /// Every body row from source row `from` on as `header: value` lines: the table's layout when
    /// its columns cannot fit.
    private func records(_ table: MarkdownTable, from: Int) -> [MarkdownRow] {
        table.rows.enumerated().flatMap { index, row in
            index + 1 < from ? [] : record(header: table.header, cells: row, resume: index + 1)
        }
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

    /// A cell's text, read once: plain text (no inline Markdown, the common case) is kept as
    /// the row it makes, its words joined by single spaces, without a styled word per word;
    /// other text as its styled words. `style` is added to every word (the header's bold).
    private struct Cell {
        let source: String
        let style: MarkdownStyle
        /// Plain text as it is shown on one row, or `nil` when the text has inline Markdown.
        let plain: String?
        /// The styled words, for text with inline Markdown.
        let words: [MarkdownWord]
        let naturalWidth: Int
        /// The cells of its widest word.
        let longestWord: Int

        init(_ source: String, style: MarkdownStyle, readsPlainText: Bool) {
            self.source = source
            self.style = style
            let utf8 = Array(source.utf8)
            if readsPlainText, let plainWords = MarkdownPlainText.words(utf8), plainWords.allSatisfy({ $0.width > 0 }) {
                let bytes = plainWords.reduce(0) { $0 + $1.end - $1.start }
                if bytes + max(0, plainWords.count - 1) == utf8.count, !utf8.contains(0x09) {
                    plain = source
                } else {
                    var joined: [UInt8] = []
                    joined.reserveCapacity(utf8.count)
                    for (index, word) in plainWords.enumerated() {
                        if index > 0 { joined.append(0x20) }
                        joined += utf8[word.start..<word.end]
                    }
                    plain = String(decoding: joined, as: UTF8.self)
                }
                words = []
                naturalWidth = plainWords.isEmpty ? 0 : plainWords.reduce(0) { $0 + $1.width } + plainWords.count - 1
                longestWord = plainWords.map(\.width).max() ?? 0
            } else {
                plain = nil
                words = MarkdownInline.words(source)
                naturalWidth = MarkdownTableLayout.naturalWidth(words)
                longestWord = words.map(\.width).max() ?? 0
            }
        }
    }

    /// The rows of a cell in a column `width` cells wide.
    private func cellRows(_ cell: Cell, width: Int) -> [MarkdownRow] {
        if let plain = cell.plain, cell.naturalWidth <= width {
            return [MarkdownRow(text: painter.paint(plain, style: cell.style), width: cell.naturalWidth, resume: 0)]
        }
        let words = cell.plain == nil ? cell.words : MarkdownInline.words(cell.source)
        return singleRow(words, width: width, adding: cell.style).map { [$0] }
            ?? MarkdownProseLayout(width: width, first: [], rest: [], painter: painter).rows(words, adding: cell.style)
    }

    /// A cell that fits its column on one row: the row ``MarkdownProseLayout`` would make,
    /// without its wrapping machinery (most cells are short); `nil` when it must wrap.
    private func singleRow(_ words: [MarkdownWord], width: Int, adding added: MarkdownStyle) -> MarkdownRow? {
        let natural = Self.naturalWidth(words)
        guard natural <= width, !words.dropFirst().contains(where: \.startsLine) else { return nil }
        var row = MarkdownPainter.Row(painter)
        for (index, word) in words.enumerated() {
            if index > 0 { row.append(" ", style: added) }
            for span in word.spans { row.append(span.text, style: span.style.union(added)) }
        }
        return MarkdownRow(text: row.finish(), width: natural, resume: words.first?.offset ?? 0)
    }

    private static func naturalWidth(_ words: [MarkdownWord]) -> Int {
        words.isEmpty ? 0 : words.reduce(0) { $0 + $1.width } + words.count - 1
    }

    /// Column widths that add up to at most `room` (the floors do): natural widths, the widest
    /// column above its floor cut first.
    private func fittedWidths(_ natural: [Int], floors: [Int], room: Int) -> [Int] {
        var widths = natural
        var total = widths.reduce(0, +)
        while total > room, let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// The rule under the header: a line across each column, crossing the separators.
    private static func rule(_ widths: [Int]) -> String {
        let line: [UInt8] = Array("─".utf8), cross: [UInt8] = Array("─┼─".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count * (widths.reduce(0, +) + separatorWidth * widths.count))
        for (index, cells) in widths.enumerated() {
            if index > 0 { bytes += cross }
            for _ in 0..<cells { bytes += line }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A table row whose cells are all plain text that fits its column (most rows), put
    /// together in one pass, without a row array per cell: the row ``lines`` would make.
    private func plainLine(_ cells: [Cell], widths: [Int], separator: String, resume: Int) -> MarkdownRow? {
        for (cell, width) in zip(cells, widths) where cell.plain == nil || cell.naturalWidth > width { return nil }
        var row = MarkdownRow(text: "", width: 0, resume: resume)
        for (column, cell) in cells.enumerated() {
            append(painter.paint(cell.plain ?? "", style: cell.style), cells: cell.naturalWidth, column: column, of: widths, separator: separator, to: &row)
        }
        return row
    }

    /// Appends one cell's text (`cells` wide) to a table row: the separator before it unless
    /// it is the first, and padding to its column's width unless it is the last.
    private func append(_ text: String, cells: Int, column: Int, of widths: [Int], separator: String, to row: inout MarkdownRow) {
        if column > 0 {
            row.text += separator
            row.width += Self.separatorWidth
        }
        row.text += text
        row.width += cells
        if column + 1 < widths.count {
            row.text += .spaces(widths[column] - cells)
            row.width += max(0, widths[column] - cells)
        }
    }

    /// The screen rows of one table row: each cell wrapped in its column, side by side.
    private func lines(_ cells: [Cell], widths: [Int], separator: String, resume: Int) -> [MarkdownRow] {
        if let row = plainLine(cells, widths: widths, separator: separator, resume: resume) { return [row] }
        var wrapped: [[MarkdownRow]] = []
        wrapped.reserveCapacity(cells.count)
        var height = 1
        for (cell, cellWidth) in zip(cells, widths) {
            let rows = cellRows(cell, width: cellWidth)
            height = max(height, rows.count)
            wrapped.append(rows)
        }
        var result: [MarkdownRow] = []
        result.reserveCapacity(height)
        for line in 0..<height {
            var row = MarkdownRow(text: "", width: 0, resume: resume)
            for (column, rows) in wrapped.enumerated() {
                let cell = line < rows.count ? rows[line] : MarkdownRow(text: "", width: 0, resume: 0)
                append(cell.text, cells: cell.width, column: column, of: widths, separator: separator, to: &row)
            }
            result.append(row)
        }
        return result
    }
}
