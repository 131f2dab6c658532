import Dispatch
import Synchronization

/// The live renderer for a terminal: draws a turn as two labelled columns (or stacked, on a
/// narrow terminal) that update as text arrives.
///
/// Frames are drawn at most 60 times a second, but the first change after a quiet spell is
/// drawn at once, so the first token is on screen without waiting for a frame. A ticker
/// redraws ten times a second so that waiting times, retry countdowns and speeds stay current.
public final class ColumnRenderer: TurnRenderer, Sendable {
    private struct State: Sendable {
        var screen: ColumnScreen
        var lastFrame: ContinuousClock.Instant?
        var frameScheduled = false
        var active = false
        var ticker: Task<Void, Never>?
    }

    private let state: Mutex<State>
    private let output: Int32
    private let echo = EchoSuppressor()
    private static let frameInterval = Duration.milliseconds(16)

    /// A renderer writing to `output` (a terminal) of the given size.
    public init(output: Int32, columns: Int, rows: Int, style: TerminalStyle) {
        self.output = output
        state = Mutex(State(screen: ColumnScreen(columns: columns, rows: rows, style: style)))
    }

    public func beginTurn(_ heading: TurnHeading) {
        let ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                self?.requestFrame()
            }
        }
        echo.suppress()
        state.withLock { state in
            state.active = true
            state.ticker = ticker
            write("\u{1B}[?25l" + state.screen.begin(heading))
            draw(&state)
        }
    }

    public func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        state.withLock { state in
            state.screen.append(text, tone: tone, side: side)
            state.screen.update(progress, side: side)
            drawOrSchedule(&state)
        }
    }

    public func update(_ progress: AnswerProgress, side: Side) {
        state.withLock { state in
            state.screen.update(progress, side: side)
            drawOrSchedule(&state)
        }
    }

    public func endTurn(_ answers: SidePair<Answer>) {
        state.withLock { state in
            state.ticker?.cancel()
            state.ticker = nil
            state.active = false
            write(state.screen.finish(now: .now) + "\u{1B}[?25h")
        }
        echo.restore()
    }

    /// The terminal changed size: re-wrap what is not yet in the scrollback and redraw.
    public func resize(columns: Int, rows: Int) {
        state.withLock { state in
            state.screen.resize(columns: columns, rows: rows)
            if state.active { draw(&state) }
        }
    }

    private func requestFrame() {
        state.withLock { state in
            guard state.active else { return }
            drawOrSchedule(&state)
        }
    }

    private func drawOrSchedule(_ state: inout State) {
        guard state.active else { return }
        let now = ContinuousClock.now
        if let last = state.lastFrame, now - last < Self.frameInterval {
            guard !state.frameScheduled else { return }
            state.frameScheduled = true
            let wait = Self.frameInterval - (now - last)
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(wait.seconds * 1e9))) { [weak self] in
                self?.state.withLock { state in
                    state.frameScheduled = false
                    if state.active { self?.draw(&state) }
                }
            }
            return
        }
        draw(&state)
    }

    private func draw(_ state: inout State) {
        let now = ContinuousClock.now
        state.lastFrame = now
        write(state.screen.frame(now: now))
    }

    private func write(_ text: String) {
        TerminalDevice.write(text, to: output)
    }
}
