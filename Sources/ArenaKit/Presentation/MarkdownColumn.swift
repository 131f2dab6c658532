import Foundation

/// One side's answer laid out as Markdown while it streams: the rows of final blocks (which
/// never change again, so they may be committed to the scrollback) and the rows of the open
/// block, laid out again whenever asked (they may be restyled while they are live).
///
/// Text is sanitized before it arrives here; the only escape sequences in a row are the
/// styles ``MarkdownPainter`` adds.
struct MarkdownColumn: Sendable {
    /// A final block and the tone it was written in; a notice is arena's own text, not read
    /// as Markdown.
    private enum Entry: Sendable {
        case block(MarkdownBlock, LineTone)
        case notice(String)
    }

    /// The longest incomplete line held back: beyond it the line goes to the splitter in
    /// pieces cut at a space, so that the open block stays small.
    static let longestPartialLine = 2048

    private(set) var width: Int {
        didSet { layouts = Self.layouts(width: width, style: style) }
    }
    let style: TerminalStyle
    /// The layout for each tone (answer, reasoning, notice) at the current width.
    private var layouts: [MarkdownLayout]
    /// Rows of final blocks.
    private(set) var lines: [WrappedLine] = []
    /// For each row of `lines`: its entry and where in the entry it starts.
    private var origins: [(entry: Int, resume: Int)] = []
    private var entries: [Entry] = []
    private var splitter = MarkdownBlockSplitter()
    private var partial = ""
    private var partialIsContinuation = false
    private var tone = LineTone.answer
    /// The open block's rows, as of the last ``refreshPending()``.
    private(set) var pendingLines: [WrappedLine] = []
    private var pendingIsStale = false

    init(width: Int, style: TerminalStyle) {
        self.width = width
        self.style = style
        layouts = Self.layouts(width: width, style: style)
    }

    private static func layouts(width: Int, style: TerminalStyle) -> [MarkdownLayout] {
        [LineTone.answer, .reasoning, .notice].map { MarkdownLayout(width: width, style: style, base: base($0)) }
    }

    private func layout(_ tone: LineTone) -> MarkdownLayout {
        switch tone {
        case .answer: return layouts[0]
        case .reasoning: return layouts[1]
        case .notice: return layouts[2]
        }
    }

    /// Adds sanitized text in `tone`; a change of tone ends the open block.
    mutating func append(_ text: String, tone: LineTone) {
        if tone != self.tone {
            endSegment()
            self.tone = tone
        }
        if tone == .notice {
            add(.notice(text))
            return
        }
        // Lines are found with `memchr` on the text's bytes: this runs over every byte of both
        // answers, and a generic search of a `Substring` took several times as long.
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<newline]), as: UTF8.self)
                if partial.isEmpty {
                    splitter.feed(line: line, continuing: partialIsContinuation)
                } else {
                    partial += line
                    splitter.feed(line: partial, continuing: partialIsContinuation)
                    partial = ""
                }
                partialIsContinuation = false
                start = newline + 1
            }
            if start < bytes.count { partial += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) }
        }
        if partial.utf8.count > Self.longestPartialLine { cutPartial() }
        takeBlocks()
        pendingIsStale = true
    }

    /// Ends the text: the open block is final.
    mutating func finish() {
        endSegment()
        pendingLines = []
        pendingIsStale = false
    }

    /// Rows before this one, and the entries before the first entry still needed, are freed.
    private var releasedRows = 0
    private var releasedEntries = 0

    /// Frees the rows before `row` and the blocks they came from: they are in the scrollback,
    /// drawn, and neither a frame nor a resize (which starts at the first row not committed)
    /// reads them again. Their slots stay, so that row numbers do not change.
    mutating func release(before row: Int) {
        let row = min(row, lines.count)
        guard row > releasedRows + 64 else { return }
        for index in releasedRows..<row { lines[index] = WrappedLine(text: "", width: 0) }
        releasedRows = row
        let neededEntry = row < origins.count ? origins[row].entry : entries.count
        for index in releasedEntries..<max(releasedEntries, neededEntry) { entries[index] = .notice("") }
        releasedEntries = max(releasedEntries, neededEntry)
    }

    /// Lays the open block out again if text came since the last time.
    mutating func refreshPending() {
        guard pendingIsStale else { return }
        pendingIsStale = false
        let layout = layout(tone)
        pendingLines = splitter.preview(partialLine: partial).flatMap { block in
            layout.rows(block).map { wrapped($0, tone: tone) }
        }
    }

    /// Lays out again, at `width`, every row from `committed` on (rows before it are in the
    /// scrollback and are dropped here); each entry resumes where its first such row began.
    mutating func rewrap(width: Int, committed: Int) {
        let keptEntries: ArraySlice<Entry>
        var resume = 0
        if committed < origins.count {
            keptEntries = entries[origins[committed].entry...]
            resume = origins[committed].resume
        } else {
            keptEntries = []
        }
        self.width = width
        entries = []
        lines = []
        origins = []
        releasedRows = 0
        releasedEntries = 0
        for (index, entry) in keptEntries.enumerated() {
            add(entry, from: index == 0 ? resume : 0)
        }
        pendingIsStale = true
        refreshPending()
    }

    private mutating func endSegment() {
        if !partial.isEmpty {
            splitter.feed(line: partial, continuing: partialIsContinuation)
            partial = ""
            partialIsContinuation = false
        }
        splitter.finish()
        takeBlocks()
        splitter = MarkdownBlockSplitter()
    }

    /// Feeds the long incomplete line up to its last space (or all of it), as a line that
    /// continues the open block.
    private mutating func cutPartial() {
        let cut = partial.lastIndex(of: " ") ?? partial.endIndex
        splitter.feed(line: String(partial[..<cut]), continuing: partialIsContinuation)
        partial = cut == partial.endIndex ? "" : String(partial[partial.index(after: cut)...])
        partialIsContinuation = true
    }

    private mutating func takeBlocks() {
        for block in splitter.takeBlocks() { add(.block(block, tone)) }
    }

    private mutating func add(_ entry: Entry, from: Int = 0) {
        let rows: [MarkdownRow]
        let rowTone: LineTone
        switch entry {
        case .block(let block, let tone):
            rows = layout(tone).rows(block, from: from)
            rowTone = tone
        case .notice(let text):
            rows = layout(.notice).literal(text)
            rowTone = .notice
        }
        let index = entries.count
        entries.append(entry)
        for row in rows {
            lines.append(wrapped(row, tone: rowTone))
            origins.append((index, row.resume))
        }
    }

    private func wrapped(_ row: MarkdownRow, tone: LineTone) -> WrappedLine {
        guard row.width > width else { return WrappedLine(text: row.text, width: row.width, tone: tone, isStyled: true) }
        // A last guard: a row wider than the column (deep nesting leaves no room) would shift
        // the other column and break the live region's row count, so it is cut at the width.
        return WrappedLine(text: Self.clipped(row.text, toCells: width), width: width, tone: tone, isStyled: true)
    }

    /// `text` (our own rows: printable characters and SGR sequences) cut after `cells` cells,
    /// its styles kept and then reset (no reset when it has none, as under `NO_COLOR`).
    static func clipped(_ text: String, toCells cells: Int) -> String {
        var result = ""
        var used = 0
        var inEscape = false
        var styled = false
        for character in text {
            if inEscape {
                result.append(character)
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
                styled = true
                result.append(character)
            } else {
                let characterWidth = DisplayWidth.of(character)
                if used + characterWidth > cells { break }
                used += characterWidth
                result.append(character)
            }
        }
        return styled ? result + "\u{1B}[0m" : result
    }

    private static func base(_ tone: LineTone) -> [TerminalStyle.Tone] {
        switch tone {
        case .answer: return []
        case .reasoning: return [.dim]
        case .notice: return [.red]
        }
    }
}
