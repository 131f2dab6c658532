import Dispatch
import Foundation
import Synchronization

/// The live renderer for a terminal: draws a turn as two labelled columns (or stacked, on a
/// narrow terminal) that update as text arrives.
///
/// The streams only hand text over: it is queued, and the turn's own render thread lays it
/// out and draws, so laying out an answer (Markdown, above all) never holds up reading the
/// next piece of either stream from the network, and the system shares the cores between the
/// two jobs. It is a thread of its own, not a dispatch or concurrency queue: those have as
/// many threads as cores, and the streams' decoding kept them busy, so drawing waited for the
/// answers to end. Frames are drawn at most 60 times a second, but the first change after a
/// quiet spell is drawn at once, so the first token is on screen without waiting for a frame;
/// the thread also draws ten times a second on its own, so that waiting times, retry
/// countdowns and speeds stay current.
final class ColumnRenderer: TurnRenderer, Sendable {
    /// Text and progress handed over by the streams and not yet applied to the screen.
    private struct Pending: Sendable {
        var texts = SidePair<[QueuedText]>(both: [])
        var progress = SidePair<AnswerProgress?>(both: nil)
        /// The render thread has been woken for what is here.
        var wakeupSent = false
    }

    private struct State: Sendable {
        var screen: ColumnScreen
        var lastFrame: ContinuousClock.Instant?
        /// A frame put off (one was drawn less than `frameInterval` ago) is due then.
        var frameDue: ContinuousClock.Instant?
        var active = false
        /// Between Ctrl-Z and `fg`: the terminal belongs to the shell, nothing is drawn.
        var suspended = false
    }

    private let state: Mutex<State>
    private let pending = Mutex(Pending())
    /// Wakes the render thread.
    private let wakeup = DispatchSemaphore(value: 0)
    /// The render thread runs while this is true (from `beginTurn` to `endTurn`).
    private let running = Atomic<Bool>(false)
    /// The turn's second layout thread (from `beginTurn` to `endTurn`).
    private let layoutThread = Mutex<SideLayoutThread?>(nil)
    /// Writes frames while the render thread lays out the next text (from `beginTurn` to
    /// `endTurn`; at once otherwise).
    private let writer: TerminalWriter
    private let modes: TurnTerminalModes
    private static let frameInterval = Duration.milliseconds(16)
    /// How often the thread draws when nothing arrives (the footers' clocks).
    private static let tickInterval = Duration.milliseconds(100)

    /// A renderer writing to `output` (a terminal) of the given size.
    public init(output: Int32, columns: Int, rows: Int, style: TerminalStyle) {
        writer = TerminalWriter(output: output)
        modes = TurnTerminalModes(outputFD: output)
        state = Mutex(State(screen: ColumnScreen(columns: columns, rows: rows, style: style)))
    }

    func beginTurn(_ heading: TurnHeading) {
        modes.enter()
        pending.withLock { $0 = Pending() }
        layoutThread.withLock { $0 = SideLayoutThread() }
        // A frame put off while the terminal was busy is drawn once it has taken the last one.
        writer.start(whenIdle: { [wakeup] in wakeup.signal() })
        state.withLock { state in
            state.active = true
            write("\u{1B}[?25l" + state.screen.begin(heading))
            draw(&state)
        }
        running.store(true, ordering: .releasing)
        let thread = Thread { [weak self] in
            while let renderer = self, renderer.renderOnce() {}
        }
        thread.name = "arena.columns"
        thread.start()
    }

    public func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        hand { pending in
            pending.texts[side].append(QueuedText(text: text, tone: tone))
            pending.progress[side] = progress
        }
    }

    func update(_ progress: AnswerProgress, side: Side) {
        hand { $0.progress[side] = progress }
    }

    /// Queues a stream's change, and wakes the render thread unless it was woken already.
    private func hand(_ change: (inout Pending) -> Void) {
        let needsWakeup = pending.withLock { pending -> Bool in
            change(&pending)
            guard !pending.wakeupSent else { return false }
            pending.wakeupSent = true
            return true
        }
        if needsWakeup { wakeup.signal() }
    }

    /// One turn of the render thread: waits to be woken (or for a frame put off, or a tick),
    /// then lays out what is queued and draws or puts the frame off. False once the turn ended.
    private func renderOnce() -> Bool {
        let now = ContinuousClock.now
        let due = state.withLock { $0.frameDue }
        let wait = min(due.map { $0 - now } ?? Self.tickInterval, Self.tickInterval)
        if wait > .zero {
            _ = wakeup.wait(timeout: .now() + .nanoseconds(Int(wait.seconds * 1e9)))
        }
        guard running.load(ordering: .acquiring) else { return false }
        state.withLock { state in
            applyPending(&state)
            drawOrPutOff(&state)
        }
        return true
    }

    /// Moves everything queued onto the screen, in the order it came.
    private func applyPending(_ state: inout State) {
        let queued = pending.withLock { pending in
            let queued = pending
            pending = Pending()
            return queued
        }
        state.screen.append(queued.texts, helper: layoutThread.withLock { $0 })
        for side in Side.allCases {
            if let progress = queued.progress[side] { state.screen.update(progress, side: side) }
        }
    }

    /// A renderer let go of without `endTurn` (not a path arena takes) still ends its threads.
    deinit {
        writer.stop()
        layoutThread.withLock { $0?.stop() }
    }

    func endTurn(_ answers: SidePair<Answer>) {
        running.store(false, ordering: .releasing)
        wakeup.signal()
        state.withLock { state in
            applyPending(&state)
            state.active = false
            write(state.screen.finish(now: .now) + "\u{1B}[?25h")
        }
        writer.stop()
        layoutThread.withLock { thread in
            thread?.stop()
            thread = nil
        }
        modes.leave()
    }

    /// Ctrl-Z: erases the live region and gives the terminal back (echo on, cursor shown) so
    /// the shell is usable while arena is stopped. Committed rows stay as they are.
    public func suspend() {
        state.withLock { state in
            guard state.active else { return }
            applyPending(&state)
            state.suspended = true
            write(state.screen.withdrawLiveRegion() + "\u{1B}[?25h")
        }
        // The shell gets the terminal once the live region is gone from it.
        writer.flush()
        modes.leave()
    }

    /// After `fg`: takes the terminal again and draws the live region afresh.
    public func resume() {
        state.withLock { state in
            state.suspended = false
            // The turn may have ended meanwhile (it goes on as soon as the process does, before
            // this runs): then its last output is written and nothing more is drawn.
            guard state.active else { return }
            modes.enter()
            write("\u{1B}[?25l")
            draw(&state)
        }
    }

    /// The terminal changed size: re-wrap what is not yet in the scrollback and redraw.
    public func resize(columns: Int, rows: Int) {
        state.withLock { state in
            applyPending(&state)
            state.screen.resize(columns: columns, rows: rows)
            if state.active && !state.suspended { draw(&state) }
        }
    }

    /// Draws now if no frame was drawn in the last `frameInterval` and the terminal has taken
    /// the last one, else puts it off: until `frameInterval` has passed (the render thread
    /// wakes then), or until the writer is idle (it wakes the thread), with the text laid out
    /// meanwhile.
    private func drawOrPutOff(_ state: inout State) {
        guard state.active, !state.suspended else { return }
        guard !writer.isBusy else { return }
        let now = ContinuousClock.now
        if let last = state.lastFrame, now - last < Self.frameInterval {
            state.frameDue = last + Self.frameInterval
            return
        }
        draw(&state)
    }

    private func draw(_ state: inout State) {
        let now = ContinuousClock.now
        state.lastFrame = now
        state.frameDue = nil
        write(state.screen.frame(now: now))
    }

    private func write(_ text: String) {
        writer.write(text)
    }
}
