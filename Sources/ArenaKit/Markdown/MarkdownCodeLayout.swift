/// Lays out code as written: never re-flowed, indentation kept (tabs to stops of four), set
/// apart by a gutter, a line too long for the column cut into rows whose continuation is
/// marked `↪`.
struct MarkdownCodeLayout {
    let width: Int
    let indent: Int
    let painter: MarkdownPainter

    static let gutter = "│ "
    static let continuation = "↪ "

    /// The label row opening a block: its language, if named.
    func start(language: String?) -> [MarkdownRow] {
        let label = "┌─" + (language.map { " " + $0 } ?? "")
        return [row([MarkdownSpan(text: label, style: .mark)], resume: 0)]
    }

    func end() -> [MarkdownRow] {
        [row([MarkdownSpan(text: "└─", style: .mark)], resume: 0)]
    }

    /// The rows of one line of code, from UTF-8 offset `from`.
    func rows(_ line: String, from: Int = 0) -> [MarkdownRow] {
        let room = max(1, width - indent - 2)
        var rows: [MarkdownRow] = []
        var text = ""
        var used = 0
        var start = 0
        var offset = 0
        var column = 0
        func push() {
            let mark = rows.isEmpty && start == 0 ? Self.gutter : Self.continuation
            rows.append(row([MarkdownSpan(text: mark, style: .mark), MarkdownSpan(text: text, style: [])], resume: start, cells: 2 + used))
            text = ""
            used = 0
        }
        // Printable ASCII that fits: the line is its row.
        if from == 0, line.utf8.count <= room, line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return [row([MarkdownSpan(text: Self.gutter, style: .mark), MarkdownSpan(text: line, style: [])], resume: 0, cells: 2 + line.utf8.count)]
        }
        for character in line {
            defer { offset += character.utf8.count }
            let cells = character == "\t" ? 4 - column % 4 : DisplayWidth.of(character)
            column += cells
            guard offset >= from else { continue }
            if used + cells > room && used > 0 {
                push()
                start = offset
            } else if text.isEmpty && used == 0 {
                start = offset
            }
            if character == "\t" {
                text += String(repeating: " ", count: cells)
            } else {
                text.append(character)
            }
            used += cells
        }
        if used > 0 || rows.isEmpty { push() }
        return rows
    }

    /// A row of `spans` after the block's indent; `cells` is what the spans take, when known.
    private func row(_ spans: [MarkdownSpan], resume: Int, cells: Int? = nil) -> MarkdownRow {
        let padded = indent > 0 ? [MarkdownSpan(text: .spaces(indent), style: [])] + spans : spans
        let width = cells.map { indent + $0 } ?? MarkdownProseLayout.width(of: padded)
        return MarkdownRow(text: painter.paint(padded), width: width, resume: resume)
    }
}
