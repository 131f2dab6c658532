import Dispatch
import Synchronization

/// The live renderer for a terminal: draws a turn as two labelled columns (or stacked, on a
/// narrow terminal) that update as text arrives.
///
/// The streams only hand text over: it is queued, and the renderer's own serial queue lays it
/// out and draws, so laying out one answer (Markdown, above all) never holds up reading the
/// next piece of either stream from the network, and two cores do the two jobs at once.
/// Frames are drawn at most 60 times a second, but the first change after a quiet spell is
/// drawn at once, so the first token is on screen without waiting for a frame. A ticker
/// redraws ten times a second so that waiting times, retry countdowns and speeds stay current.
final class ColumnRenderer: TurnRenderer, Sendable {
    /// Text and progress handed over by the streams and not yet applied to the screen.
    private struct Pending: Sendable {
        var texts: [(text: String, tone: LineTone, side: Side)] = []
        var progress = SidePair<AnswerProgress?>(both: nil)
        /// A render is queued that will take what is here.
        var renderQueued = false
    }

    private struct State: Sendable {
        var screen: ColumnScreen
        var lastFrame: ContinuousClock.Instant?
        var frameScheduled = false
        var active = false
        var ticker: Task<Void, Never>?
    }

    private let state: Mutex<State>
    private let pending = Mutex(Pending())
    /// Where text is laid out and frames are drawn, one at a time.
    private let queue = DispatchQueue(label: "arena.columns", qos: .userInteractive)
    private let output: Int32
    private let echo = EchoSuppressor()
    private static let frameInterval = Duration.milliseconds(16)

    /// A renderer writing to `output` (a terminal) of the given size.
    public init(output: Int32, columns: Int, rows: Int, style: TerminalStyle) {
        self.output = output
        state = Mutex(State(screen: ColumnScreen(columns: columns, rows: rows, style: style)))
    }

    func beginTurn(_ heading: TurnHeading) {
        let ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                self?.requestRender()
            }
        }
        echo.suppress()
        pending.withLock { $0 = Pending() }
        state.withLock { state in
            state.active = true
            state.ticker = ticker
            write("\u{1B}[?25l" + state.screen.begin(heading))
            draw(&state)
        }
    }

    public func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        hand { pending in
            pending.texts.append((text, tone, side))
            pending.progress[side] = progress
        }
    }

    func update(_ progress: AnswerProgress, side: Side) {
        hand { $0.progress[side] = progress }
    }

    /// Queues a stream's change, and a render to take it unless one is queued already.
    private func hand(_ change: (inout Pending) -> Void) {
        let needsRender = pending.withLock { pending -> Bool in
            change(&pending)
            guard !pending.renderQueued else { return false }
            pending.renderQueued = true
            return true
        }
        if needsRender { requestRender() }
    }

    /// On the renderer's queue: lays out what is queued and draws (or schedules) a frame.
    private func requestRender() {
        queue.async { [self] in
            state.withLock { state in
                applyPending(&state)
                drawOrSchedule(&state)
            }
        }
    }

    /// Moves everything queued onto the screen, in the order it came.
    private func applyPending(_ state: inout State) {
        let queued = pending.withLock { pending in
            let queued = pending
            pending = Pending()
            return queued
        }
        for item in queued.texts {
            state.screen.append(item.text, tone: item.tone, side: item.side)
        }
        for side in Side.allCases {
            if let progress = queued.progress[side] { state.screen.update(progress, side: side) }
        }
    }

    func endTurn(_ answers: SidePair<Answer>) {
        state.withLock { state in
            applyPending(&state)
            state.ticker?.cancel()
            state.ticker = nil
            state.active = false
            write(state.screen.finish(now: .now) + "\u{1B}[?25h")
        }
        echo.restore()
    }

    /// Ctrl-Z: erases the live region and gives the terminal back (echo on, cursor shown) so
    /// the shell is usable while arena is stopped. Committed rows stay as they are.
    public func suspend() {
        state.withLock { state in
            guard state.active else { return }
            applyPending(&state)
            write(state.screen.withdrawLiveRegion() + "\u{1B}[?25h")
        }
        echo.restore()
    }

    /// After `fg`: takes the terminal again and draws the live region afresh.
    public func resume() {
        let active = state.withLock { $0.active }
        guard active else { return }
        echo.suppress()
        state.withLock { state in
            write("\u{1B}[?25l")
            draw(&state)
        }
    }

    /// The terminal changed size: re-wrap what is not yet in the scrollback and redraw.
    public func resize(columns: Int, rows: Int) {
        state.withLock { state in
            applyPending(&state)
            state.screen.resize(columns: columns, rows: rows)
            if state.active { draw(&state) }
        }
    }

    /// Draws now if no frame was drawn in the last `frameInterval`, else makes sure one is
    /// drawn when it has passed (with the text laid out meanwhile).
    private func drawOrSchedule(_ state: inout State) {
        guard state.active else { return }
        let now = ContinuousClock.now
        if let last = state.lastFrame, now - last < Self.frameInterval {
            guard !state.frameScheduled else { return }
            state.frameScheduled = true
            let wait = Self.frameInterval - (now - last)
            queue.asyncAfter(deadline: .now() + .nanoseconds(Int(wait.seconds * 1e9))) { [self] in
                self.state.withLock { state in
                    state.frameScheduled = false
                    applyPending(&state)
                    if state.active { draw(&state) }
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
