import Synchronization

/// Runs one piece of work (a turn) so that Ctrl-C, arriving on another thread, can cancel it.
public final class Interrupter: Sendable {
    /// Cancels the work running now, if any.
    private let cancelCurrent = Mutex<(@Sendable () -> Void)?>(nil)

    public init() {}

    /// Runs `operation` as a cancellable task, waits for it and returns its result.
    public func run<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) async -> Value {
        let task = Task { await operation() }
        cancelCurrent.withLock { $0 = { task.cancel() } }
        let value = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        cancelCurrent.withLock { $0 = nil }
        // An ending signal (SIGTERM, SIGHUP, SIGQUIT) stopped the turn: what it produced is
        // recorded and the screen restored, so the program can end now.
        if let status = SignalWatcher.shared.terminationStatus {
            SignalWatcher.exitNow(status: status)
        }
        return value
    }

    /// Cancels the running work, if any; returns whether there was some.
    @discardableResult
    public func interrupt() -> Bool {
        cancelCurrent.withLock { cancel in
            guard let cancel else { return false }
            cancel()
            return true
        }
    }
}
