/// Draws the cells of the live columns' rows at one width: a side's line, padded or not, the
/// two sides with the separator between them, a stacked side with its gutter.
///
/// Apart from ``ColumnScreen`` so that committing rows, which runs for every row of both
/// answers, reads nothing but these three values (a method of the screen itself made Swift copy
/// the whole screen, both columns included, on each call from a mutating one).
struct ColumnCells {
    let columnWidth: Int
    /// The dimmed ` │ ` between the sides.
    let separator: String
    let style: TerminalStyle

    func pairedRow(_ left: WrappedLine?, _ right: WrappedLine?) -> String {
        var row: [UInt8] = []
        appendPairedRow(left, right, to: &row)
        return String(decoding: row, as: UTF8.self)
    }

    /// Appends the row's bytes in place: committing thousands of rows a second, the pieces are
    /// not made as strings of their own first, and bytes are copied without the checks a
    /// `String` makes on every append. A committed row (`movingPastPadding`) is written on a
    /// blank line that scrolls into the scrollback, so the left cell's padding can be a cursor
    /// move instead of spaces: the same screen, a third fewer bytes through the terminal for an
    /// answer of short lines. Live rows keep their spaces, whose cells a resize counts.
    func appendPairedRow(_ left: WrappedLine?, _ right: WrappedLine?, movingPastPadding: Bool = false, to output: inout [UInt8]) {
        let used = appendCell(left, pad: !movingPastPadding, to: &output)
        if movingPastPadding { Self.appendCursorForward(columnWidth - used, to: &output) }
        output.append(contentsOf: separator.utf8)
        appendCell(right, pad: false, to: &output)
    }

    func stackedRow(_ side: Side, _ line: WrappedLine?) -> String {
        var row = Array((style.apply(TerminalStyle.tone(for: side), to: "│") + " ").utf8)
        appendCell(line, pad: false, to: &row)
        return String(decoding: row, as: UTF8.self)
    }

    /// `cells` blank cells skipped: a cursor move (`CSI n C`) when that is shorter than spaces.
    private static func appendCursorForward(_ cells: Int, to output: inout [UInt8]) {
        guard cells > 4 else {
            output.append(contentsOf: repeatElement(0x20, count: max(0, cells)))
            return
        }
        output.append(0x1B)
        output.append(UInt8(ascii: "["))
        output.append(contentsOf: String(cells).utf8)
        output.append(UInt8(ascii: "C"))
    }

    /// Appends a cell, padded to the column's width when `pad`; returns the cells it took
    /// before any padding.
    @discardableResult
    private func appendCell(_ line: WrappedLine?, pad: Bool, to output: inout [UInt8]) -> Int {
        guard let line else {
            if pad { output.append(contentsOf: repeatElement(0x20, count: columnWidth)) }
            return 0
        }
        var text = line.text
        var width = line.width
        if width == 0 && !text.isEmpty {
            (text, width) = text.prefix(cells: columnWidth)
        }
        switch line.tone {
        case _ where line.isStyled: output.append(contentsOf: text.utf8)
        case .answer: output.append(contentsOf: text.utf8)
        case .reasoning: output.append(contentsOf: style.apply(.dim, to: text).utf8)
        case .notice: output.append(contentsOf: style.apply(.red, to: text).utf8)
        }
        if pad { output.append(contentsOf: repeatElement(0x20, count: max(0, columnWidth - width))) }
        return width
    }
}
