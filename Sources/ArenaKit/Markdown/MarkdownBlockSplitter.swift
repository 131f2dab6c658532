/// Splits a Markdown answer into blocks as its lines complete, the way CommonMark/GFM reads
/// them (`MarkdownBlockSplitterTests` compares the result with cmark-gfm's).
///
/// A block is final once the next one starts: a paragraph, list item or quote at the next
/// blank line or block start, a table at its end (or, past `tableRowsHeld` rows, row by row
/// as `header: value` records), and code line by line. ``takeBlocks()`` hands the final blocks
/// over; ``preview(partialLine:)`` shows what the open block would be if the text ended now,
/// for the live region.
struct MarkdownBlockSplitter: Sendable {
    /// Body rows a table may hold back before it is shown as records, so that a long table
    /// cannot outgrow the live region (unlimited when the whole text is at hand).
    let tableRowsHeld: Int

    init(tableRowsHeld: Int = 8) {
        self.tableRowsHeld = tableRowsHeld
    }
    /// Bytes an open paragraph, list item or quote may hold before its text so far is made
    /// final and the rest continues as a new block (under the same indent), so that laying
    /// out the open block each frame stays cheap however long a paragraph runs.
    static let longestOpenBlock = 4096

    private enum Open: Sendable {
        case paragraph([String], indent: Int)
        case listItem([String], indent: Int, depth: Int, marker: String)
        case quote([String])
        case table(MarkdownTable)
        case tableRecords(header: [String])
        /// A fenced code block: its fence, the source columns its lines drop, where it is drawn.
        case code(fence: UInt8, length: Int, strip: Int, indent: Int)
        /// An indented code block, with blank lines not yet known to be inside it.
        case indentedCode(blankLines: Int)
    }

    /// An open list: where its items' text starts in the source, and on screen.
    private struct ListLevel: Sendable {
        var source: Int
        var rendered: Int
    }

    private var blocks: [MarkdownBlock] = []
    private var open: Open?
    private var lists: [ListLevel] = []
    private var afterBlank = false
    /// A blank line came: the next block emitted is preceded by a blank row.
    private var pendingBlank = false
    private var emittedAny = false

    /// The blocks made final since the last call.
    mutating func takeBlocks() -> [MarkdownBlock] {
        guard !blocks.isEmpty else { return [] }
        let taken = blocks
        blocks = []
        return taken
    }

    /// The text ended: the open block is final.
    mutating func finish() {
        close(endingCode: true)
    }

    /// The blocks the open block and `partialLine` would make if the text ended now.
    func preview(partialLine: String) -> [MarkdownBlock] {
        var scratch = self
        scratch.blocks.removeAll()
        if !partialLine.isEmpty { scratch.feed(line: partialLine) }
        scratch.close(endingCode: false)
        return scratch.blocks
    }

    /// Adds one complete line (without its line feed). A `continuing` line is the next piece
    /// of a line too long to hold: it continues the open block whatever it starts with.
    mutating func feed(line text: String, continuing: Bool = false) {
        if continuing, !text.isEmpty, open != nil, appendContinuation(text) { return }
        let line = MarkdownLine(text)
        if feedCode(line) { return }
        if line.kind == .blank {
            if case .table = open { close(endingCode: true) }
            if case .tableRecords = open { open = nil }
            if case .quote = open { close(endingCode: true) }
            if case .paragraph = open { close(endingCode: true) }
            if case .listItem = open { close(endingCode: true) }
            afterBlank = true
            pendingBlank = emittedAny || open != nil
            return
        }
        defer { afterBlank = false }
        if feedTable(line) || feedList(line) { return }
        feedTopLevel(line)
    }

    /// Lines inside a code block; true when the line was taken.
    private mutating func feedCode(_ line: MarkdownLine) -> Bool {
        switch open {
        case .code(let fence, let length, let strip, let indent):
            if case .fence(fence, let closing, nil) = line.kind, closing >= length, line.indent <= strip + 3 {
                emit(.codeEnd(indent: indent))
                open = nil
            } else {
                emit(.codeLine(line.dropping(columns: strip), indent: indent))
            }
            return true
        case .indentedCode(let blankLines):
            if line.kind == .blank {
                open = .indentedCode(blankLines: blankLines + 1)
                return true
            }
            guard line.indent >= 4 else {
                emit(.codeEnd(indent: 0))
                open = nil
                afterBlank = blankLines > 0
                pendingBlank = afterBlank
                return false
            }
            for _ in 0..<blankLines { emit(.codeLine("", indent: 0)) }
            open = .indentedCode(blankLines: 0)
            emit(.codeLine(line.dropping(columns: 4), indent: 0))
            return true
        default:
            return false
        }
    }

    /// Rows of an open table; true when the line was one.
    private mutating func feedTable(_ line: MarkdownLine) -> Bool {
        guard line.kind == .text || isDelimiter(line.kind) else { return false }
        switch open {
        case .table(var table):
            table.rows.append(Self.fitted(MarkdownTableCells.split(line.text), to: table.header.count))
            if table.rows.count > tableRowsHeld {
                for row in table.rows { emit(.tableRecord(header: table.header, cells: row)) }
                open = .tableRecords(header: table.header)
            } else {
                open = .table(table)
            }
            return true
        case .tableRecords(let header):
            emit(.tableRecord(header: header, cells: Self.fitted(MarkdownTableCells.split(line.text), to: header.count)))
            return true
        default:
            return false
        }
    }

    private func isDelimiter(_ kind: MarkdownLine.Kind) -> Bool {
        if case .tableDelimiter = kind { return true }
        return false
    }

    /// Lines inside an open list; true when the line was taken.
    private mutating func feedList(_ line: MarkdownLine) -> Bool {
        if case .listItem(let marker, let ordered, let content, let text) = line.kind, line.indent < 4 || !lists.isEmpty {
            close(endingCode: true)
            while let last = lists.last, line.indent < last.source { lists.removeLast() }
            let indent = lists.last?.rendered ?? 0
            var shown = ordered ? marker : ["•", "◦", "▪"][lists.count % 3]
            var text = text
            // A task list item (GFM): its box as the marker.
            if !ordered, let box = Self.taskBox(text) {
                shown = box
                text = String(text.dropFirst(4))
            }
            lists.append(ListLevel(source: content, rendered: indent + DisplayWidth.of(shown) + 1))
            open = .listItem([text], indent: indent, depth: lists.count - 1, marker: shown)
            return true
        }
        guard let level = lists.last else { return false }
        if line.indent >= level.source {
            let inner = MarkdownLine(line.dropping(columns: level.source))
            if case .fence(let fence, let length, let language) = inner.kind {
                close(endingCode: true)
                emit(.codeStart(language: language, indent: level.rendered))
                open = .code(fence: fence, length: length, strip: level.source + inner.indent, indent: level.rendered)
            } else if !afterBlank, appendContinuation(inner.text) {
            } else {
                close(endingCode: true)
                open = .paragraph([inner.text], indent: level.rendered)
            }
            return true
        }
        if !afterBlank, line.kind == .text, appendContinuation(line.text) { return true }
        lists.removeAll()
        return false
    }

    /// The box a GFM task list item's text starts with (`[ ] `, `[x] `, `[X] `), as its marker.
    private static func taskBox(_ text: String) -> String? {
        let bytes = text.utf8.prefix(4)
        guard bytes.count == 4, bytes.first == UInt8(ascii: "["), bytes.dropFirst(2).elementsEqual("] ".utf8) else { return nil }
        switch bytes.dropFirst().first {
        case UInt8(ascii: " "): return "☐"
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return "☑"
        default: return nil
        }
    }

    /// Adds a lazy continuation line to an open paragraph, list item or quote.
    private mutating func appendContinuation(_ text: String) -> Bool {
        let text = Self.trimmed(text)
        // `open` lets go of its lines before they grow, so that they grow in place.
        switch open {
        case .paragraph(var lines, let indent):
            let long = Self.isLong(lines)
            open = nil
            lines.append(text)
            open = .paragraph(lines, indent: indent)
            if long { close(endingCode: true); open = .paragraph([], indent: indent) }
        case .listItem(var lines, let indent, let depth, let marker):
            let long = Self.isLong(lines)
            open = nil
            lines.append(text)
            open = .listItem(lines, indent: indent, depth: depth, marker: marker)
            if long { close(endingCode: true); open = .paragraph([], indent: indent + DisplayWidth.of(marker) + 1) }
        case .quote(var lines):
            let long = Self.isLong(lines)
            open = nil
            lines.append(text)
            open = .quote(lines)
            if long { close(endingCode: true); open = .quote([]) }
        default: return false
        }
        return true
    }

    /// `text` without spaces and tabs at either end: `text` itself, not a copy, when it has
    /// none there (most lines).
    private static func trimmed(_ text: String) -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = text.utf8.first, let last = text.utf8.last, isSpace(first) || isSpace(last) else { return text }
        return Substring(text).trimmingSpaces
    }

    /// A block's lines as one text (a single line as it is).
    private static func joined(_ lines: [String]) -> String {
        lines.count == 1 ? lines[0] : lines.joined(separator: "\n")
    }

    private static func isLong(_ lines: [String]) -> Bool {
        lines.reduce(0) { $0 + $1.utf8.count } > longestOpenBlock
    }

    private mutating func feedTopLevel(_ line: MarkdownLine) {
        if line.indent >= 4, open == nil || afterBlank {
            close(endingCode: true)
            emit(.codeStart(language: nil, indent: 0))
            emit(.codeLine(line.dropping(columns: 4), indent: 0))
            open = .indentedCode(blankLines: 0)
            return
        }
        switch line.kind {
        case .fence(let fence, let length, let language):
            close(endingCode: true)
            emit(.codeStart(language: language, indent: 0))
            open = .code(fence: fence, length: length, strip: line.indent, indent: 0)
        case .heading(let level, let text):
            close(endingCode: true)
            emit(.heading(level: level, text))
        case .rule:
            if case .paragraph(let lines, 0) = open, !afterBlank, line.text.contains("-"), !line.text.contains("*") {
                open = nil
                emit(.heading(level: 2, Self.joined(lines)))
            } else {
                close(endingCode: true)
                emit(.rule)
            }
        case .quote(let text):
            if case .quote(let lines) = open, !afterBlank {
                open = .quote(lines + [text])
            } else {
                close(endingCode: true)
                open = .quote([text])
            }
        case .tableDelimiter(let cells):
            if case .paragraph(let lines, 0) = open, lines.count == 1, lines[0].utf8.contains(UInt8(ascii: "|")),
               case let header = MarkdownTableCells.split(lines[0]), header.count == cells {
                open = .table(MarkdownTable(header: header, rows: []))
            } else {
                feedText(line)
            }
        default:
            if case .text = line.kind, Self.isSetextEquals(line.text), case .paragraph(let lines, 0) = open, !afterBlank {
                open = nil
                emit(.heading(level: 1, Self.joined(lines)))
                return
            }
            feedText(line)
        }
    }

    private mutating func feedText(_ line: MarkdownLine) {
        if !afterBlank, appendContinuation(line.text) { return }
        close(endingCode: true)
        open = .paragraph([Self.trimmed(line.text)], indent: 0)
    }

    /// A setext underline: a run of `=`, with spaces or tabs only around it.
    private static func isSetextEquals(_ text: String) -> Bool {
        let bytes = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), bytes[start] == UInt8(ascii: "=") else { return false }
        let rest = bytes[start...].drop { $0 == UInt8(ascii: "=") }
        return rest.allSatisfy(isSpace)
    }

    /// Ends the open block, emitting it; an open code block emits its end only when `endingCode`.
    private mutating func close(endingCode: Bool) {
        guard let current = open else { return }
        open = nil
        switch current {
        case .paragraph(let lines, _) where lines.isEmpty: break
        case .quote(let lines) where lines.isEmpty: break
        case .paragraph(let lines, let indent): emit(.paragraph(Self.joined(lines), indent: indent))
        case .listItem(let lines, let indent, let depth, let marker): emit(.listItem(indent: indent, depth: depth, marker: marker, Self.joined(lines)))
        case .quote(let lines): emit(.quote(Self.joined(lines)))
        case .table(let table): emit(.table(table))
        case .tableRecords: break
        case .code(_, _, _, let indent): if endingCode { emit(.codeEnd(indent: indent)) }
        case .indentedCode: if endingCode { emit(.codeEnd(indent: 0)) }
        }
    }

    private mutating func emit(_ block: MarkdownBlock) {
        if pendingBlank && emittedAny {
            blocks.append(.blank)
        }
        pendingBlank = false
        blocks.append(block)
        emittedAny = true
    }

    private static func fitted(_ cells: [String], to count: Int) -> [String] {
        cells.count >= count ? Array(cells.prefix(count)) : cells + Array(repeating: "", count: count - cells.count)
    }
}
