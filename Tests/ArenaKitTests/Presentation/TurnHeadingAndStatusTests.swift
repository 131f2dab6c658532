import Foundation
import Testing
@testable import ArenaKit

/// The question above a turn and the kept side of `/retry a|b` on the terminal (the pipe's
/// side is in PlainRendererTests).
@Suite struct TurnHeadingAndStatusTests {
    private let style = TerminalStyle(colorEnabled: false)
    private let start = ContinuousClock.now

    @Test func theTerminalShowsTheQuestionWrappedAboveTheColumns() {
        var screen = ColumnScreen(columns: 40, rows: 24, style: style)
        var terminal = MiniTerminal(rows: 24)
        let question = String(repeating: "word ", count: 60)
        terminal.feed(screen.begin(TurnHeading(names: SidePair(a: "a", b: "b"), number: 1, question: question)))
        terminal.feed(screen.finish(now: start))
        let lines = terminal.allLines
        #expect(lines.prefix(4).allSatisfy { $0.hasPrefix("› word") || $0.hasPrefix("  word") })
        #expect(lines[3].hasSuffix("…"))
        #expect(lines.prefix(4).allSatisfy { DisplayWidth.of($0) <= 39 })
        #expect(lines[4].hasPrefix("A a"))
    }

    @Test func aKeptSideShowsItsAnswerMarkedKept() {
        let renderer = RecordedScreen(columns: 100)
        let observer = RendererObserver { renderer }
        let kept = Answer(text: "A's earlier answer", status: .done)
        var turn = TurnRequest(
            number: 1, prompt: "q", requests: SidePair(both: ChatRequest(messages: [], settings: GenerationSettings())),
            models: SidePair(both: ModelDescriptor(name: "m", provider: .builtIn, origin: .builtIn)),
            heading: TurnHeading(names: SidePair(a: "a", b: "b")), sides: .only(.b))
        turn.keptAnswers.a = kept
        observer.turnBegan(turn)
        var done = AnswerProgress(status: .done, startedAt: start)
        done.endedAt = start
        observer.progress(done, side: .b)
        observer.turnEnded(turn, results: SidePair(both: nil))
        let lines = renderer.terminal.allLines
        #expect(lines.contains { $0.hasPrefix("A's earlier answer") })
        #expect(lines.last?.hasPrefix("= kept") == true)
        #expect(lines.last?.contains("✓ done") == true)
    }
}

/// A ``TurnRenderer`` drawing a ``ColumnScreen`` into a ``MiniTerminal`` synchronously.
private final class RecordedScreen: TurnRenderer, @unchecked Sendable {
    var screen: ColumnScreen
    var terminal = MiniTerminal(rows: 30)

    init(columns: Int) {
        screen = ColumnScreen(columns: columns, rows: 30, style: TerminalStyle(colorEnabled: false))
    }

    func beginTurn(_ heading: TurnHeading) { terminal.feed(screen.begin(heading)) }
    func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        screen.append(text, tone: tone, side: side)
        screen.update(progress, side: side)
    }
    func update(_ progress: AnswerProgress, side: Side) { screen.update(progress, side: side) }
    func endTurn(_ answers: SidePair<Answer>) { terminal.feed(screen.finish(now: .now)) }
}
