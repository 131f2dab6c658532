/// How `/diff` shows two answers side by side: A's answer in the left column and B's in the
/// right, under their labels as in the live columns, each wrapped at words to half the width
/// with a ` │ ` gutter between them. A's words that B lacks are marked `[-…-]` in A's column,
/// B's words that A lacks `{+…+}` in B's (and red and green when colour is on; the marks stay
/// without it). Each line of an answer starts a row.
///
/// The columns are kept aligned at the points ``DiffColumnItem`` places: at the start of every
/// common stretch of at least ``DiffColumnItem/levelWords`` words and after every line break
/// the answers share. There, when one column has run ahead of the other (a change took more
/// rows on one side), both end their rows and the shorter gets blank rows, so that the common
/// text starts on the same row in both, at the start of the row, and wraps the same way.
enum SideBySideDiffLayout {
    /// The cells between the two columns.
    static let gutter = 3

    /// The narrowest column drawn, in cells.
    static let minimumColumnWidth = 10

    /// The rows of the diff `segments` laid out in `width` cells, headed by the two labels
    /// (sanitised by the caller), styled by `style`. No row is wider than `width` (unless the
    /// width is below two ``minimumColumnWidth`` columns and the gutter).
    static func lines(_ segments: [DiffSegment], labels: SidePair<String>, width: Int, style: TerminalStyle) -> [String] {
        let columnWidth = max(minimumColumnWidth, (width - gutter) / 2)
        let (a, b) = DiffColumnItem.columns(segments)
        var left = DiffColumnRows(width: columnWidth, style: style)
        var right = DiffColumnRows(width: columnWidth, style: style)
        var aItems = a[...]
        var bItems = b[...]
        while !aItems.isEmpty || !bItems.isEmpty {
            left.lay(until: &aItems)
            right.lay(until: &bItems)
            DiffColumnRows.level(&left, &right)
        }
        left.finish()
        right.finish()
        let separator = style.apply(.dim, to: " │ ")
        let headerRow = header(.a, labels.a, columnWidth: columnWidth, style: style, padded: true) + separator
            + header(.b, labels.b, columnWidth: columnWidth, style: style, padded: false)
        let count = max(left.rows.count, right.rows.count)
        let blank = DiffColumnRows.Row(text: "", width: 0)
        let rows = (0..<count).map { index in
            let leftRow = index < left.rows.count ? left.rows[index] : blank
            let rightRow = index < right.rows.count ? right.rows[index] : blank
            return leftRow.text + .spaces(columnWidth - leftRow.width) + separator + rightRow.text
        }
        return [headerRow] + rows
    }

    /// A column's label, `A name`, as the live columns show it: cut to the column.
    private static func header(_ side: Side, _ label: String, columnWidth: Int, style: TerminalStyle, padded: Bool) -> String {
        let text = WordWrap.shortened("\(side.label) \(label)", toCells: columnWidth)
        let styled = style.apply(.bold, TerminalStyle.tone(for: side), to: text)
        return padded ? styled + .spaces(columnWidth - DisplayWidth.of(text)) : styled
    }
}

/// One column of a side-by-side diff as it is wrapped into rows.
private struct DiffColumnRows {
    struct Row {
        var text: String
        var width: Int
    }

    let width: Int
    let style: TerminalStyle
    private(set) var rows: [Row] = []
    private var line = ""
    private var lineWidth = 0
    private var pendingSpace = false

    init(width: Int, style: TerminalStyle) {
        self.width = width
        self.style = style
    }

    /// Lays out `items` up to the next `level`, which it consumes.
    mutating func lay(until items: inout ArraySlice<DiffColumnItem>) {
        while let item = items.popFirst() {
            switch item {
            case .level: return
            case .word(let pieces): place(pieces)
            case .indent(let cells):
                if lineWidth == 0 { append(.spaces(min(cells, width / 2)), width: min(cells, width / 2), kind: .equal) }
            case .space: pendingSpace = true
            case .lineBreak: endRow()
            }
        }
    }

    /// Makes the next text of both columns start on the same row: when one has more rows than
    /// the other, both end their rows and the shorter gets blank ones.
    static func level(_ left: inout DiffColumnRows, _ right: inout DiffColumnRows) {
        guard left.rows.count != right.rows.count else { return }
        if left.lineWidth > 0 { left.endRow() }
        if right.lineWidth > 0 { right.endRow() }
        while left.rows.count < right.rows.count { left.endRow() }
        while right.rows.count < left.rows.count { right.endRow() }
    }

    mutating func finish() {
        if lineWidth > 0 { endRow() }
    }

    /// Places a word after a space (or at the start of the next row when it does not fit); a
    /// word wider than a whole row is broken at the width.
    private mutating func place(_ pieces: [DiffColumnPiece]) {
        let wordWidth = pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let gap = pendingSpace && lineWidth > 0 ? 1 : 0
        pendingSpace = false
        if lineWidth > 0, lineWidth + gap + wordWidth > width {
            endRow()
        } else if gap > 0 {
            append(" ", width: 1, kind: .equal)
        }
        for piece in pieces {
            let pieceWidth = DisplayWidth.of(piece.text)
            guard lineWidth + pieceWidth > width else {
                append(piece.text, width: pieceWidth, kind: piece.kind)
                continue
            }
            var chunk = ""
            var chunkWidth = 0
            for character in piece.text {
                let cells = DisplayWidth.of(character)
                if lineWidth + chunkWidth + cells > width, lineWidth + chunkWidth > 0 {
                    append(chunk, width: chunkWidth, kind: piece.kind)
                    endRow()
                    (chunk, chunkWidth) = ("", 0)
                }
                chunk.append(character)
                chunkWidth += cells
            }
            append(chunk, width: chunkWidth, kind: piece.kind)
        }
    }

    private mutating func append(_ text: String, width cells: Int, kind: DiffSegment.Kind) {
        switch kind {
        case .equal: line += text
        case .deleted: line += style.apply(.red, to: text)
        case .inserted: line += style.apply(.green, to: text)
        }
        lineWidth += cells
    }

    private mutating func endRow() {
        rows.append(Row(text: line, width: lineWidth))
        line = ""
        lineWidth = 0
        pendingSpace = false
    }
}
