import Dispatch
import Foundation
import Synchronization

/// Writes the live renderer's output to the terminal on a thread of its own, in order, so
/// that the render thread goes on laying out the answers while the terminal takes the last
/// frame. A terminal (or the program on the other side of a pseudo-terminal) takes a large
/// frame — hundreds of committed rows of a fast answer — in milliseconds, and a `write` to it
/// blocks until it has; measured, the render thread spent as long waiting in `write` as it
/// did laying out.
///
/// While it ``isBusy``, the renderer puts its next frame off: frames are drawn as fast as the
/// terminal takes them, and a slow terminal is not sent live regions it would only overwrite.
/// ``start(whenIdle:)`` to ``stop()`` it writes on its thread; otherwise a write is made at
/// once, on the caller's.
final class TerminalWriter: Sendable {
    private struct State: Sendable {
        var queue: [String] = []
        var writing = false
        var running = false
        /// Callers of ``flush()`` waiting for the queue to empty.
        var flushWaiters = 0
        var whenIdle: (@Sendable () -> Void)?
    }

    private let output: Int32
    private let state = Mutex(State())
    private let work = DispatchSemaphore(value: 0)
    private let drained = DispatchSemaphore(value: 0)

    init(output: Int32) {
        self.output = output
    }

    /// Starts the writing thread; `whenIdle` is called on it each time the queue has emptied.
    func start(whenIdle: @escaping @Sendable () -> Void) {
        let started = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            state.whenIdle = whenIdle
            return true
        }
        guard started else { return }
        let thread = Thread { [self] in run() }
        thread.name = "arena.terminal"
        thread.start()
    }

    /// Queues `text` (or writes it now, when the thread is not running).
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        let queued = state.withLock { state -> Bool in
            guard state.running else { return false }
            state.queue.append(text)
            return true
        }
        if queued {
            work.signal()
        } else {
            TerminalDevice.write(text, to: output)
        }
    }

    /// Whether queued text has not all been written yet.
    var isBusy: Bool {
        state.withLock { $0.writing || !$0.queue.isEmpty }
    }

    /// Returns once everything queued so far has been written.
    func flush() {
        let waits = state.withLock { state -> Bool in
            guard state.running, state.writing || !state.queue.isEmpty else { return false }
            state.flushWaiters += 1
            return true
        }
        if waits { drained.wait() }
    }

    /// Writes what is queued, then ends the thread; later writes are made at once.
    func stop() {
        flush()
        state.withLock { $0.running = false }
        work.signal()
    }

    private func run() {
        while true {
            work.wait()
            // Everything queued goes out in one write: frames put together while the last was
            // being written are joined, not written one by one.
            while let text = take() {
                TerminalDevice.write(text, to: output)
            }
            let (running, whenIdle) = state.withLock { ($0.running, $0.whenIdle) }
            guard running else { return }
            whenIdle?()
        }
    }

    /// The queued text, joined; `nil` (and waiters released) when there is none.
    private func take() -> String? {
        state.withLock { state -> String? in
            guard !state.queue.isEmpty else {
                state.writing = false
                for _ in 0..<state.flushWaiters { drained.signal() }
                state.flushWaiters = 0
                return nil
            }
            let text = state.queue.count == 1 ? state.queue[0] : state.queue.joined()
            state.queue.removeAll(keepingCapacity: true)
            state.writing = true
            return text
        }
    }
}
