/// Everything the live renderer keeps about one side during a turn: the sanitized text, its
/// wrapping at the current width (as plain text, or laid out as Markdown by a
/// ``MarkdownColumn``), how much of it is already in the scrollback, and its status.
struct SideColumn: Sendable {
    private var sanitizer = TextSanitizer()
    /// All sanitized text of the answer, as UTF-8.
    private var text: [UInt8] = []
    /// Where the tone changes in `text` (reasoning, answer, notice).
    private var toneChanges: [(offset: Int, tone: LineTone)] = [(0, .answer)]
    /// The wrapping of `text[base...]`.
    private(set) var wrapper: ColumnWrapper
    private var base = 0
    /// The Markdown layout, when the answer is rendered (then `wrapper` stays empty).
    private var markdown: MarkdownColumn?
    /// Lines of `wrapper` already written to the scrollback.
    var committed = 0
    var progress: AnswerProgress?
    /// True once no more text will come and the wrapper has been finished.
    private(set) var isFinished = false

    init(width: Int) {
        wrapper = ColumnWrapper(width: width)
    }

    /// Renders the answer as Markdown in `style`, or as plain wrapped text (`nil`); chosen
    /// before the first text arrives.
    mutating func render(markdown style: TerminalStyle?) {
        guard !layoutChosen else { return }
        layoutChosen = true
        markdown = style.map { MarkdownColumn(width: wrapper.width, style: $0) }
    }

    /// Whether ``render(markdown:)`` has decided how the text is laid out.
    private(set) var layoutChosen = false

    /// How many completed lines there are (final: the first `committed` are in the scrollback). (Inlined, as `line(_:)`: called for every committed
    /// row, a call that is not inlined made Swift copy the whole column first.)
    @inline(__always) var lineCount: Int { markdown?.lines.count ?? wrapper.lines.count }

    /// Completed line `index`, if there is one yet (read in place, without copying the column).
    @inline(__always) func line(_ index: Int) -> WrappedLine? {
        // Optional chaining reads the rows in place (`if let` would copy the column).
        if let count = markdown?.lines.count { return index < count ? markdown?.lines[index] : nil }
        return index < wrapper.lines.count ? wrapper.lines[index] : nil
    }

    /// Frees what the committed rows of a Markdown answer hold (they are in the scrollback),
    /// so that memory does not grow with the answer while it streams.
    mutating func releaseCommitted() {
        markdown?.release(before: committed)
    }

    /// Lays out the open Markdown block again if text came since (once per frame).
    mutating func refreshPending() {
        markdown?.refreshPending()
    }

    mutating func append(_ raw: String, tone: LineTone) {
        layoutChosen = true
        let clean = sanitizer.sanitize(raw)
        guard !clean.isEmpty else { return }
        feed(clean, tone: tone)
    }

    /// Adds arena's own notice (an error) as its own paragraph.
    mutating func appendNotice(_ notice: String) {
        flushSanitizer()
        feed(TextSanitizer.sanitizeLine(notice), tone: .notice)
    }

    mutating func finish() {
        guard !isFinished else { return }
        flushSanitizer()
        wrapper.finish()
        markdown?.finish()
        isFinished = true
    }

    /// Lines not yet in the scrollback: completed ones, then (while streaming) the one being built.
    var liveLines: [WrappedLine] {
        if let markdown {
            let completed = Array(markdown.lines[min(committed, markdown.lines.count)...])
            return isFinished ? completed : completed + markdown.pendingLines
        }
        let completed = Array(wrapper.lines[min(committed, wrapper.lines.count)...])
        return isFinished ? completed : completed + wrapper.pendingLines
    }

    /// Completed lines waiting to be committed.
    var uncommittedCompleteCount: Int { max(0, lineCount - committed) }

    /// Wraps the not-yet-committed text again at `width`.
    mutating func rewrap(width: Int) {
        if markdown != nil {
            markdown?.rewrap(width: width, committed: committed)
            committed = 0
            wrapper = ColumnWrapper(width: width)
            return
        }
        let start = base + wrapper.startOffset(ofLine: committed)
        base = start
        committed = 0
        wrapper = ColumnWrapper(width: width)
        for (index, change) in toneChanges.enumerated() {
            let end = index + 1 < toneChanges.count ? toneChanges[index + 1].offset : text.count
            let from = max(change.offset, start)
            guard from < end else { continue }
            wrapper.append(String(decoding: text[from..<end], as: UTF8.self), tone: change.tone)
        }
        if isFinished { wrapper.finish() }
    }

    private mutating func flushSanitizer() {
        let rest = sanitizer.finish()
        if !rest.isEmpty { feed(rest, tone: toneChanges.last!.tone) }
    }

    private mutating func feed(_ clean: String, tone: LineTone) {
        if markdown != nil {
            markdown?.append(clean, tone: tone)
            return
        }
        if toneChanges.last!.tone != tone {
            if toneChanges.last!.offset == text.count {
                toneChanges[toneChanges.count - 1].tone = tone
            } else {
                toneChanges.append((text.count, tone))
            }
        }
        text.append(contentsOf: clean.utf8)
        wrapper.append(clean, tone: tone)
    }
}
