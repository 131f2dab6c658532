/// Lays Markdown blocks out as terminal rows of a given width, and renders a whole answer at
/// once (for `/show`).
struct MarkdownLayout: Sendable {
    let width: Int
    let painter: MarkdownPainter

    init(width: Int, style: TerminalStyle, base: [TerminalStyle.Tone] = []) {
        self.width = max(8, width)
        painter = MarkdownPainter(style: style, base: base)
    }

    /// A whole (sanitized) Markdown text as rows.
    static func render(_ text: String, width: Int, style: TerminalStyle) -> [String] {
        var splitter = MarkdownBlockSplitter(tableRowsHeld: .max)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines { splitter.feed(line: String(line)) }
        splitter.finish()
        let layout = MarkdownLayout(width: width, style: style)
        return splitter.takeBlocks().flatMap { layout.rows($0).map(\.text) }
    }

    /// The rows of `block`, from position `from` (a row's `resume`).
    func rows(_ block: MarkdownBlock, from: Int = 0) -> [MarkdownRow] {
        switch block {
        case .paragraph(let text, let indent):
            if let rows = plainParagraphRows(text, indent: indent, from: from) { return rows }
            let pad = [MarkdownSpan(text: String(repeating: " ", count: indent), style: [])]
            return prose(first: pad, rest: pad).rows(MarkdownInline.words(text), from: from)
        case .heading(let level, let text):
            let marks = [MarkdownSpan(text: String(repeating: "#", count: level) + " ", style: .mark)]
            return prose(first: marks, rest: [MarkdownSpan(text: .spaces(level + 1), style: [])])
                .rows(MarkdownInline.words(text), from: from, adding: .bold)
        case .listItem(let indent, _, let marker, let text):
            let markerWidth = DisplayWidth.of(marker)
            let lead = PlainLead(text: .spaces(indent) + marker + " ", width: indent + markerWidth + 1)
            let hangingLead = PlainLead(text: .spaces(indent + markerWidth + 1), width: indent + markerWidth + 1)
            if let rows = plainListItemRows(text, first: lead, rest: hangingLead, from: from) { return rows }
            let first = [MarkdownSpan(text: .spaces(indent), style: []), MarkdownSpan(text: marker + " ", style: [])]
            let hanging = [MarkdownSpan(text: hangingLead.text, style: [])]
            return prose(first: first, rest: hanging).rows(MarkdownInline.words(text), from: from)
        case .quote(let text):
            let inner = MarkdownLayout(width: width - 2, style: painter.style, base: painter.base)
            let gutter = painter.paint("│ ", style: .mark)
            var splitter = MarkdownBlockSplitter()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { splitter.feed(line: String(line)) }
            splitter.finish()
            // A row resumes at its inner block (the high bits) and where in it (the low bits),
            // so that a resize picks a quote up where the scrollback left it.
            let (startBlock, startResume) = (from >> Self.quoteBlockShift, from & Self.quoteResumeMask)
            var rows: [MarkdownRow] = []
            for (index, block) in splitter.takeBlocks().enumerated() where index >= startBlock {
                for row in inner.rows(block, from: index == startBlock ? startResume : 0) {
                    // A quote within the quote resumes at its own start (it is drawn again).
                    let resume = row.resume <= Self.quoteResumeMask ? row.resume : 0
                    rows.append(MarkdownRow(text: gutter + row.text, width: row.width + 2, resume: index << Self.quoteBlockShift | resume))
                }
            }
            return rows
        case .codeStart(let language, let indent):
            return code(indent).start(language: language)
        case .codeLine(let line, let indent):
            return code(indent).rows(line, from: from)
        case .codeEnd(let indent):
            return code(indent).end()
        case .table(let table):
            return MarkdownTableLayout(width: width, painter: painter).rows(table, from: from)
        case .tableRecord(let header, let cells):
            return MarkdownTableLayout(width: width, painter: painter).record(header: header, cells: cells, resume: 0)
        case .rule:
            let rule = String(repeating: "─", count: width)
            return [MarkdownRow(text: painter.paint(rule, style: .mark), width: width, resume: 0)]
        case .blank:
            return [MarkdownRow(text: "", width: 0, resume: 0)]
        }
    }

    /// How a block quote's row says where it resumes: its inner block's index above this bit,
    /// the position in that block below it.
    static let quoteBlockShift = 32
    static let quoteResumeMask = (1 << 32) - 1

    /// Plain text (arena's own notices) wrapped as prose, its Markdown not read.
    func literal(_ text: String) -> [MarkdownRow] {
        prose(first: [], rest: []).rows(MarkdownInline.words(text, literal: true))
    }

    private func prose(first: [MarkdownSpan], rest: [MarkdownSpan]) -> MarkdownProseLayout {
        MarkdownProseLayout(width: width, first: first, rest: rest, painter: painter)
    }

    private func code(_ indent: Int) -> MarkdownCodeLayout {
        MarkdownCodeLayout(width: width, indent: indent, painter: painter)
    }
}
