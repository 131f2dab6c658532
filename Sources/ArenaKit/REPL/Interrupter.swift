import Synchronization

/// Runs one piece of work (a turn) so that Ctrl-C, arriving on another thread, can cancel it.
public final class Interrupter: Sendable {
    private let current = Mutex<Task<Void, Never>?>(nil)

    public init() {}

    /// Runs `operation` as a cancellable task and waits for it.
    public func run(_ operation: @escaping @Sendable () async -> Void) async {
        let task = Task { await operation() }
        current.withLock { $0 = task }
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        current.withLock { $0 = nil }
        // An ending signal (SIGTERM, SIGHUP, SIGQUIT) stopped the turn: what it produced is
        // recorded and the screen restored, so the program can end now.
        if let status = SignalWatcher.shared.terminationStatus {
            SignalWatcher.exitNow(status: status)
        }
    }

    /// Cancels the running work, if any; returns whether there was some.
    @discardableResult
    public func interrupt() -> Bool {
        current.withLock { task in
            guard let task else { return false }
            task.cancel()
            return true
        }
    }
}
