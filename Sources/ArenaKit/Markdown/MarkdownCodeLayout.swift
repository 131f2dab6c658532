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
        return [row(mark: label, resume: 0, cells: DisplayWidth.of(label))]
    }

    func end() -> [MarkdownRow] {
        [row(mark: "└─", resume: 0, cells: 2)]
    }

    /// The rows of one line of code, from UTF-8 offset `from`.
    func rows(_ line: String, from: Int = 0) -> [MarkdownRow] {
        // Printable ASCII (a cell a byte): the line is its row, or is cut every `room` bytes.
        guard line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return generalRows(line, from: from) }
        let room = max(1, width - indent - 2)
        let count = line.utf8.count
        if from == 0, count <= room { return [row(mark: Self.gutter, text: line, resume: 0, cells: 2 + count)] }
        var rows: [MarkdownRow] = []
        var start = min(max(0, from), count)
        repeat {
            let end = min(count, start + room)
            let piece = String(decoding: line.utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
            rows.append(row(mark: rows.isEmpty && start == 0 ? Self.gutter : Self.continuation, text: piece, resume: start, cells: 2 + end - start))
            start = end
        } while start < count
        return rows
    }

    /// ``rows(_:from:)`` for any text: character by character, tabs to stops of four, wide
    /// characters never split across rows.
    func generalRows(_ line: String, from: Int) -> [MarkdownRow] {
        let room = max(1, width - indent - 2)
        var rows: [MarkdownRow] = []
        var text = ""
        var used = 0
        var start = 0
        var offset = 0
        var column = 0
        func push() {
            let mark = rows.isEmpty && start == 0 ? Self.gutter : Self.continuation
            rows.append(row(mark: mark, text: text, resume: start, cells: 2 + used))
            text = ""
            used = 0
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
                text += String.spaces(cells)
            } else {
                text.append(character)
            }
            used += cells
        }
        if used > 0 || rows.isEmpty { push() }
        return rows
    }

    /// A row of `mark` (in arena's mark style) and `text` after the block's indent, taking
    /// `cells` cells after it; painted directly, as code rows are many.
    private func row(mark: String, text: String = "", resume: Int, cells: Int) -> MarkdownRow {
        var row = MarkdownPainter.Row(painter)
        row.appendSpaces(indent)
        row.append(mark, style: .mark)
        row.append(text, style: [])
        return MarkdownRow(text: row.finish(), width: indent + cells, resume: resume)
    }
}
