import Dispatch
import Synchronization

/// The live renderer for a terminal: draws a turn as two labelled columns (or stacked, on a
/// narrow terminal) that update as text arrives.
///
/// Frames are drawn at most 60 times a second, but the first change after a quiet spell is
/// drawn at once, so the first token is on screen without waiting for a frame. A ticker
/// redraws ten times a second so that waiting times, retry countdowns and speeds stay current.
///
/// The two streams never wait for each other: text is queued, and whichever stream finds the
/// screen free applies everything queued (both sides, in order) and draws; a stream that finds
/// it busy leaves its text to the one drawing, which looks again before it lets go.
final class ColumnRenderer: TurnRenderer, Sendable {
    /// Text and progress handed over by the streams and not yet applied to the screen.
    private struct Pending: Sendable {
        var texts: [(text: String, tone: LineTone, side: Side)] = []
        var progress = SidePair<AnswerProgress?>(both: nil)
        var isEmpty: Bool { texts.isEmpty && progress.a == nil && progress.b == nil }
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
                self?.requestFrame()
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
        pending.withLock { pending in
            pending.texts.append((text, tone, side))
            pending.progress[side] = progress
        }
        drainPending()
    }

    func update(_ progress: AnswerProgress, side: Side) {
        pending.withLock { $0.progress[side] = progress }
        drainPending()
    }

    /// Applies the queued text and draws, unless another stream is doing so (it will see the
    /// queue before it lets go of the screen).
    private func drainPending() {
        while true {
            let drew = state.withLockIfAvailable { state -> Bool in
                applyPending(&state)
                drawOrSchedule(&state)
                return true
            }
            // Busy: the holder looks at the queue after releasing the screen. Free and drawn:
            // look once more, for text queued while this thread held the screen.
            guard drew != nil, !pending.withLock({ $0.isEmpty }) else { return }
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

    /// The ticker's frame. When a stream holds the screen it draws (or schedules) a frame
    /// itself before letting go, so the tick is skipped rather than waited for: waiting on the
    /// lock (a priority-inheriting futex) spins a core while the holder lays text out.
    private func requestFrame() {
        _ = state.withLockIfAvailable { state in
            guard state.active else { return }
            applyPending(&state)
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
            scheduleFrame(after: wait)
            return
        }
        draw(&state)
    }

    /// Draws the scheduled frame after `wait`; if a stream holds the screen then, tries again a
    /// millisecond later instead of waiting on the lock (see ``requestFrame()``). The holder
    /// leaves the frame to this, as `frameScheduled` tells it.
    private func scheduleFrame(after wait: Duration) {
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(wait.seconds * 1e9))) { [weak self] in
            guard let self else { return }
            let drew = self.state.withLockIfAvailable { state in
                state.frameScheduled = false
                self.applyPending(&state)
                if state.active { self.draw(&state) }
            }
            if drew == nil { self.scheduleFrame(after: .milliseconds(1)) }
        }
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
