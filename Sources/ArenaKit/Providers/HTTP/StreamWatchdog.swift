import Synchronization

/// Watches a streaming request for the first-token and idle timeouts.
///
/// The request's task re-arms it as the stream progresses; ``run()``, in a sibling task,
/// throws ``ProviderError/timeout(phase:seconds:)`` once the current deadline passes, which
/// makes the caller cancel the request and close its connection.
final class StreamWatchdog: Sendable {
    private struct State {
        var deadline: ContinuousClock.Instant?
        var phase = ""
        var seconds = 0.0
    }

    private let state = Mutex(State())

    /// Starts a phase: the deadline is `seconds` from now.
    func arm(phase: String, seconds: Double) {
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        state.withLock {
            $0.deadline = deadline
            $0.phase = phase
            $0.seconds = seconds
        }
    }

    /// Pushes the deadline of the current phase `seconds` past now (after bytes arrived).
    func extend(seconds: Double) {
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        state.withLock { $0.deadline = deadline }
    }

    /// No deadline, for example while waiting to retry.
    func disarm() {
        state.withLock { $0.deadline = nil }
    }

    /// Sleeps until the deadline, re-reading it as it moves; throws the timeout when it passes
    /// and `CancellationError` when cancelled. It never returns normally.
    func run() async throws {
        while true {
            let current = state.withLock { $0 }
            let now = ContinuousClock.now
            if let deadline = current.deadline, now >= deadline {
                throw ProviderError.timeout(phase: current.phase, seconds: current.seconds)
            }
            let recheck = now.advanced(by: .milliseconds(250))
            let wake = current.deadline.map { min($0, recheck) } ?? recheck
            try await Task.sleep(until: wake, clock: .continuous)
        }
    }
}
