import Foundation

/// The live two-column picture of one turn, and the terminal output that draws it.
///
/// Output is split in two parts. Rows that can no longer change are *committed*: written once,
/// they scroll into the terminal's scrollback, so when a turn ends the scrollback holds both
/// answers complete, each readable top to bottom in its own column. The rows below them form
/// the *live region*, redrawn in place on every frame: the lines still being written, the
/// completed lines that wait for the other side to catch up, and a status row per side. The
/// live region never grows taller than the screen, so redrawing it is always possible; a side
/// that runs far ahead shows its latest lines there until the other side catches up.
///
/// At 80 columns and wider the sides stand next to each other; below that they are stacked, A
/// above B.
struct ColumnScreen: Sendable {
    enum Layout: Sendable { case sideBySide, stacked }

    private(set) var columns: Int
    private(set) var rows: Int
    let style: TerminalStyle
    private var heading = TurnHeading(names: SidePair(both: ""))
    private(set) var sides: SidePair<SideColumn>
    /// The cells each live row on screen takes up to its last character (the right column is
    /// not padded), so that a resize can tell how many rows a re-flowing terminal made of it.
    private var liveRowWidths: [Int] = []
    private var liveRowsOnScreen: Int { liveRowWidths.count }
    private var committedText = ""
    /// Stacked layout: A's section has been closed (footer written) and B's opened.
    private var stackedAClosed = false

    static let minimumSideBySideColumns = 80

    init(columns: Int, rows: Int, style: TerminalStyle) {
        self.columns = max(20, columns)
        self.rows = max(8, rows)
        self.style = style
        separator = style.apply(.dim, to: " │ ")
        sides = SidePair(both: SideColumn(width: Self.columnWidth(columns: self.columns)))
    }

    var layout: Layout { Self.layout(columns: columns) }

    /// Cells for one side's text.
    var columnWidth: Int { Self.columnWidth(columns: columns) }

    private static func layout(columns: Int) -> Layout {
        columns < minimumSideBySideColumns ? .stacked : .sideBySide
    }

    private static func columnWidth(columns: Int) -> Int {
        switch layout(columns: columns) {
        case .sideBySide: return max(10, (columns - 1 - 3) / 2)
        case .stacked: return max(10, columns - 1 - 2)
        }
    }

    // MARK: Input

    mutating func begin(_ heading: TurnHeading) -> String {
        self.heading = heading
        stackedAClosed = false
        sides = SidePair(both: SideColumn(width: columnWidth))
        liveRowWidths = []
        let question = heading.question.map { questionRows($0, choices: heading.choices) } ?? ""
        switch layout {
        case .sideBySide:
            let names = heading.names.map { side, name in headerCell(side: side, name: name) }
            return question + names.a + separator + names.b + "\r\n"
                + style.apply(.dim, to: String(repeating: "─", count: columnWidth) + "─┼─" + String(repeating: "─", count: columnWidth)) + "\r\n"
        case .stacked:
            return question + headerCell(side: .a, name: heading.names.a) + "\r\n"
        }
    }

    /// The most rows a question takes above its turn; a longer one is shortened with "…".
    static let questionRows = 4

    /// The question above the columns, wrapped to the screen at words, then its choices, if
    /// any, one row each.
    private func questionRows(_ question: String, choices: [String]) -> String {
        let rows = QuestionLines.wrapped(question, prefix: "› ", width: columns - 1, maxLines: Self.questionRows)
            + choices.map { "  " + WordWrap.shortened(TextSanitizer.sanitizeLine($0), toCells: columns - 3) }
        return rows.map { style.apply(.bold, to: $0) + "\r\n" }.joined()
    }

    mutating func append(_ text: String, tone: LineTone, side: Side) {
        Self.feed(&sides[side], [QueuedText(text: text, tone: tone)], heading: heading, style: style)
    }

    /// Text handed to each side that makes a thread's hand-over worth it: below this, both
    /// sides are laid out on the calling thread (waking another costs more than a short piece).
    static let bytesWorthASecondThread = 4096

    /// Adds each side's queued text, in order. With `helper`, and enough text on both sides,
    /// B is laid out on the helper's thread while A is laid out on this one.
    mutating func append(_ texts: SidePair<[QueuedText]>, helper: SideLayoutThread?) {
        let (heading, style) = (heading, style)
        let bytes = texts.map { _, items in items.reduce(0) { $0 + $1.text.utf8.count } }
        guard let helper, bytes.a > 0, bytes.b > 0, bytes.a + bytes.b >= Self.bytesWorthASecondThread else {
            for side in Side.allCases { Self.feed(&sides[side], texts[side], heading: heading, style: style) }
            return
        }
        // The columns are moved out (not copied), so that neither thread's changes copy one.
        var (a, b) = (SideColumn(width: 1), SideColumn(width: 1))
        swap(&a, &sides.a)
        swap(&b, &sides.b)
        helper.lay(&b, items: texts.b, with: { column, items in
            Self.feed(&column, items, heading: heading, style: style)
        }, meanwhile: {
            Self.feed(&a, texts.a, heading: heading, style: style)
        })
        swap(&a, &sides.a)
        swap(&b, &sides.b)
    }

    /// Lays `items` out in `column`: reasoning is dropped unless the turn shows it, and the
    /// first text chooses Markdown or plain layout.
    private static func feed(_ column: inout SideColumn, _ items: [QueuedText], heading: TurnHeading, style: TerminalStyle) {
        for item in items {
            if item.tone == .reasoning && !heading.showReasoning { continue }
            if !column.layoutChosen { column.render(markdown: heading.renderMarkdown ? style : nil) }
            column.append(item.text, tone: item.tone)
        }
    }

    mutating func update(_ progress: AnswerProgress, side: Side) {
        let wasFinal = sides[side].progress?.status.isFinal ?? false
        sides[side].progress = progress
        guard progress.status.isFinal, !wasFinal else { return }
        if case .failed(let message) = progress.status {
            sides[side].appendNotice("✗ \(message)")
        }
        sides[side].finish()
    }

    mutating func resize(columns: Int, rows: Int) {
        let oldColumns = self.columns
        self.columns = max(20, columns)
        self.rows = max(8, rows)
        guard oldColumns != self.columns else { return }
        // The terminal may have re-flowed the live rows drawn at the old width (most do when
        // narrowed): count the rows each takes now, from what was drawn on it, so that the next
        // frame clears all of them and nothing above them.
        if self.columns < oldColumns {
            liveRowWidths = liveRowWidths.flatMap { width in
                let rows = max(1, (width + self.columns - 1) / self.columns)
                return Array(repeating: self.columns, count: rows - 1) + [width - (rows - 1) * self.columns]
            }
        }
        for side in Side.allCases {
            sides[side].rewrap(width: columnWidth)
        }
    }

    // MARK: Output

    /// The output that brings the screen up to date: newly committed rows, then the live region.
    mutating func frame(now: ContinuousClock.Instant) -> String {
        var output = clearLiveRegion()
        commitReadyRows()
        output += committedText
        committedText = ""
        for side in Side.allCases {
            sides[side].releaseCommitted()
            sides[side].refreshPending()
        }
        let live = liveRows(now: now)
        output += live.joined(separator: "\r\n")
        liveRowWidths = live.map(Self.visibleWidth)
        return output
    }

    /// The final output of the turn: everything committed, footers written, cursor on a fresh line.
    mutating func finish(now: ContinuousClock.Instant) -> String {
        for side in Side.allCases { sides[side].finish() }
        var output = clearLiveRegion()
        commitReadyRows()
        output += committedText
        committedText = ""
        switch layout {
        case .sideBySide:
            output += statusRow(now: now) + "\r\n"
        case .stacked:
            output += stackedStatus(.b, now: now) + "\r\n"
        }
        return output
    }

    /// Erases the live region (for Ctrl-Z: the terminal is handed back with only committed rows
    /// on it); the next frame draws it afresh.
    mutating func withdrawLiveRegion() -> String {
        clearLiveRegion()
    }

    private mutating func clearLiveRegion() -> String {
        guard liveRowsOnScreen > 0 else { return "" }
        var output = "\r"
        if liveRowsOnScreen > 1 { output += "\u{1B}[\(liveRowsOnScreen - 1)A" }
        output += "\u{1B}[J"
        liveRowWidths = []
        return output
    }

    /// The cells a drawn row takes: its characters without arena's own escape sequences.
    static func visibleWidth(of row: String) -> Int {
        var visible = ""
        var scalars = row.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                visible.unicodeScalars.append(scalar)
                continue
            }
            // A CSI sequence: ESC [ parameters, then a final byte from @ to ~.
            guard scalars.next() == "[" else { continue }
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        }
        return DisplayWidth.of(visible)
    }

    private mutating func commitReadyRows() {
        switch layout {
        case .sideBySide:
            let cells = self.cells
            Self.commitPairedRows(&sides.a, &sides.b, cells: cells, to: &committedText)
        case .stacked:
            if !stackedAClosed {
                commitStacked(.a)
                if sides.a.isFinished && sides.a.uncommittedCompleteCount == 0 {
                    committedText += stackedStatus(.a, now: sides.a.progress?.endedAt ?? .now) + "\r\n"
                    committedText += headerCell(side: .b, name: heading.names.b) + "\r\n"
                    stackedAClosed = true
                }
            }
            if stackedAClosed { commitStacked(.b) }
        }
    }

    /// Appends every row both sides have ready (or that one side has when the other is done)
    /// and marks them committed. Static, with the columns passed `inout`: committing runs for
    /// every row of both answers, and reading the columns through `self` made Swift copy a
    /// column (or the whole screen) per row.
    private static func commitPairedRows(_ a: inout SideColumn, _ b: inout SideColumn, cells: ColumnCells, to output: inout String) {
        var bytes: [UInt8] = []
        while true {
            let row = a.committed
            let counts = (a: a.lineCount, b: b.lineCount)
            guard row < max(counts.a, counts.b) else { break }
            guard row < counts.a || a.isFinished, row < counts.b || b.isFinished else { break }
            cells.appendPairedRow(a.line(row), b.line(row), movingPastPadding: true, to: &bytes)
            bytes.append(0x0D)
            bytes.append(0x0A)
            a.committed = row + 1
            b.committed = row + 1
        }
        if !bytes.isEmpty { output += String(decoding: bytes, as: UTF8.self) }
    }

    private mutating func commitStacked(_ side: Side) {
        let cells = self.cells
        while let line = sides[side].line(sides[side].committed) {
            committedText += cells.stackedRow(side, line) + "\r\n"
            sides[side].committed += 1
        }
    }

    private func liveRows(now: ContinuousClock.Instant) -> [String] {
        let budget = max(3, rows - 3)
        switch layout {
        case .sideBySide:
            let live = sides.map { _, column in column.liveLines }
            let body = min(max(live.a.count, live.b.count), budget - 1)
            let shown = live.map { _, lines in Self.window(lines, rows: body) }
            var result: [String] = []
            for row in 0..<body {
                result.append(pairedRow(shown.a[row], shown.b[row]))
            }
            result.append(statusRow(now: now))
            return result
        case .stacked:
            var result: [String] = []
            if !stackedAClosed {
                let share = max(1, (budget - 3) / 2)
                for line in Self.window(sides.a.liveLines, rows: min(sides.a.liveLines.count, share)) {
                    result.append(stackedRow(.a, line))
                }
                result.append(stackedStatus(.a, now: now))
                result.append(headerCell(side: .b, name: heading.names.b))
                for line in Self.window(sides.b.liveLines, rows: min(sides.b.liveLines.count, share)) {
                    result.append(stackedRow(.b, line))
                }
            } else {
                for line in Self.window(sides.b.liveLines, rows: min(sides.b.liveLines.count, budget - 1)) {
                    result.append(stackedRow(.b, line))
                }
            }
            result.append(stackedStatus(.b, now: now))
            return result
        }
    }

    /// `rows` lines for a live window, padded with nothing when there are too few. When there
    /// are too many, the first lines stay (they continue the scrollback above and are the
    /// next to be committed), then a `↑ N more lines` row stands for the lines left out, then
    /// the latest lines: the column does not jump as it grows, and the hidden lines come back
    /// in order when they are committed.
    static func window(_ lines: [WrappedLine], rows: Int) -> [WrappedLine?] {
        guard rows > 0 else { return [] }
        if lines.count <= rows {
            return lines.map { Optional($0) } + Array(repeating: nil, count: rows - lines.count)
        }
        let head = (rows - 1) / 2
        let tail = rows - 1 - head
        let hidden = lines.count - head - tail
        let marker = WrappedLine(text: "↑ \(hidden) more line\(hidden == 1 ? "" : "s")", width: 0, tone: .reasoning)
        return lines.prefix(head).map { Optional($0) } + [marker] + lines.suffix(tail).map { Optional($0) }
    }

    // MARK: Cells

    /// The dimmed ` │ ` between the sides (made once: it is drawn on every row).
    private let separator: String

    /// What draws the cells at the current width.
    private var cells: ColumnCells { ColumnCells(columnWidth: columnWidth, separator: separator, style: style) }

    private func pairedRow(_ left: WrappedLine?, _ right: WrappedLine?) -> String {
        cells.pairedRow(left, right)
    }

    private func stackedRow(_ side: Side, _ line: WrappedLine?) -> String {
        cells.stackedRow(side, line)
    }

    private func headerCell(side: Side, name: String) -> String {
        let label = "\(side.label) "
        let (clipped, width) = TextSanitizer.sanitizeLine(name).prefix(cells: columnWidth - 2)
        let text = style.apply(.bold, TerminalStyle.tone(for: side), to: label + clipped)
        return layout == .sideBySide && side == .a
            ? text + String(repeating: " ", count: max(0, columnWidth - 2 - width)) : text
    }

    private func statusRow(now: ContinuousClock.Instant) -> String {
        let cells = Side.allCases.map { side -> String in
            let text = statusText(side, now: now, width: columnWidth)
            let styled = style.apply(statusTone(side), to: text)
            return side == .a ? styled + String(repeating: " ", count: max(0, columnWidth - DisplayWidth.of(text))) : styled
        }
        return cells[0] + separator + cells[1]
    }

    private func stackedStatus(_ side: Side, now: ContinuousClock.Instant) -> String {
        let text = statusText(side, now: now, width: columnWidth)
        return style.apply(TerminalStyle.tone(for: side), to: "╰") + " " + style.apply(statusTone(side), to: text)
    }

    /// A side's footer in at most `width` cells: a symbol, then the summary with figures
    /// dropped (never cut) to fit.
    private func statusText(_ side: Side, now: ContinuousClock.Instant, width: Int) -> String {
        guard let progress = sides[side].progress else { return "◌ waiting" }
        let symbol: String
        switch progress.status {
        case _ where progress.isKept: symbol = "="
        case .waiting: symbol = "◌"
        case .retrying: symbol = "↻"
        case .streaming: symbol = "●"
        case .done: symbol = progress.finishReason == .length ? "⚠" : "✓"
        case .incomplete: symbol = "⚠"
        case .interrupted: symbol = "⏸"
        case .failed: symbol = "✗"
        }
        return symbol + " " + progress.summary(now: now, width: width - 2)
    }

    private func statusTone(_ side: Side) -> TerminalStyle.Tone {
        let progress = sides[side].progress
        if progress?.isKept == true { return .dim }
        if progress?.status == .done && progress?.finishReason == .length { return .yellow }
        switch progress?.status ?? .waiting {
        case .waiting, .retrying: return .dim
        case .streaming: return TerminalStyle.tone(for: side)
        case .done: return .green
        case .incomplete, .interrupted: return .yellow
        case .failed: return .red
        }
    }
}
