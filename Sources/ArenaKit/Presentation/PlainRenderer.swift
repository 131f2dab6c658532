import Synchronization

/// The renderer for a pipe or a file: plain text with no escape codes at all.
///
/// Each line of an answer is printed once complete, prefixed with its side's label (`A: `,
/// `B: `; reasoning lines `A~ `). So that the same input always gives the same output, side
/// A's lines are printed as they come and side B's are held back until A's answer is over,
/// then printed, and B continues live. An answer that did not end normally gets one more
/// line saying how it ended (`A! interrupted`, `A! cut at max tokens`, `B! error: HTTP 500 …`).
///
/// A turn of a session opens with a separator, `── turn 3 ──` (`── turn 3 · retry ──` for
/// `/retry`, `· replay` for a replayed question), and the question it asks, on
/// `Q: ` lines (a long one shortened to ``questionLines`` lines ending in "…"), since a pipe
/// never echoes its input.
final class PlainRenderer: TurnRenderer, Sendable {
    private struct SideBuffer: Sendable {
        var sanitizer = TextSanitizer()
        var partial = ""
        var partialTone = LineTone.answer
        var held: [String] = []
        var ended = false
    }

    private struct State: Sendable {
        var sides = SidePair(both: SideBuffer())
        var showReasoning = true
    }

    private let state = Mutex(State())
    private let output: Int32

    public init(output: Int32) {
        self.output = output
    }

    func beginTurn(_ heading: TurnHeading) {
        state.withLock { $0 = State(showReasoning: heading.showReasoning) }
        guard let number = heading.number else { return }
        var opening = "── turn \(number)\(heading.origin == .message ? "" : " · \(heading.origin.rawValue)") ──\n"
        if let question = heading.question {
            let lines = QuestionLines.shortened(question, maxLines: Self.questionLines) + heading.choices.map(TextSanitizer.sanitizeLine)
            opening += lines.map { "Q: \($0)\n" }.joined()
        }
        write(opening)
    }

    /// The most lines of a question printed above its answers; a longer one ends in "…".
    static let questionLines = 6

    public func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        // A side not asked this turn keeps its answer, which the pipe has already printed.
        guard !progress.isKept else { return }
        state.withLock { state in
            if tone == .reasoning && !state.showReasoning { return }
            var buffer = state.sides[side]
            state.sides[side] = SideBuffer()   // so `buffer` is the only owner and grows in place
            var printed = ""                   // written once when the call ends, not once per line
            if tone != buffer.partialTone {
                if !buffer.partial.isEmpty { emit(line(side, buffer.partialTone, buffer.partial), side: side, into: &buffer, printing: &printed, state: state) }
                buffer.partial = ""
                buffer.partialTone = tone
            }
            let clean = buffer.sanitizer.sanitize(text)
            var rest = Substring(clean)
            // Searched as UTF-8: a Character search would run grapheme breaking over every answer.
            while let newline = rest.utf8.firstIndex(of: ASCII.lineFeed) {
                buffer.partial += rest[..<newline]
                emit(line(side, tone, buffer.partial), side: side, into: &buffer, printing: &printed, state: state)
                buffer.partial = ""
                rest = rest[rest.utf8.index(after: newline)...]
            }
            buffer.partial += rest
            state.sides[side] = buffer
            write(printed)
        }
    }

    func update(_ progress: AnswerProgress, side: Side) {
        guard progress.status.isFinal else { return }
        state.withLock { state in
            guard !state.sides[side].ended else { return }
            var buffer = state.sides[side]
            state.sides[side] = SideBuffer()
            var printed = ""
            buffer.partial += buffer.sanitizer.finish()
            if !buffer.partial.isEmpty {
                emit(line(side, buffer.partialTone, buffer.partial), side: side, into: &buffer, printing: &printed, state: state)
                buffer.partial = ""
            }
            if let note = progress.note {
                emit("\(side.label)= \(TextSanitizer.sanitizeLine(note))\n", side: side, into: &buffer, printing: &printed, state: state)
            }
            if let ending = progress.ending {
                emit("\(side.label)! \(TextSanitizer.sanitizeLine(ending))\n", side: side, into: &buffer, printing: &printed, state: state)
            }
            buffer.ended = true
            state.sides[side] = buffer
            if side == .a {
                printed += state.sides.b.held.joined()
                state.sides.b.held = []
            }
            write(printed)
        }
    }

    func endTurn(_ answers: SidePair<Answer>) {}

    private func line(_ side: Side, _ tone: LineTone, _ text: String) -> String {
        "\(side.label)\(tone == .reasoning ? "~" : ":")\(text.isEmpty ? "" : " " + text)\n"
    }

    /// Adds a line to what this call prints, or holds it while side B must wait for side A.
    private func emit(_ text: String, side: Side, into buffer: inout SideBuffer, printing printed: inout String, state: State) {
        if side == .b && !state.sides.a.ended {
            buffer.held.append(text)
        } else {
            printed += text
        }
    }

    private func write(_ text: String) {
        guard !text.isEmpty else { return }
        TerminalDevice.write(text, to: output)
    }
}
