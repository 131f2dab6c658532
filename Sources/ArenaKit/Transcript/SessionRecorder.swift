import Synchronization

/// Records a live session into its transcript as things happen.
///
/// The file is created when the first question is asked (until then, events wait in memory),
/// so opening arena and leaving without asking anything leaves no empty transcript behind.
/// If the disk fails, the first error is reported once through `onError` and the session
/// carries on.
public final class SessionRecorder: Sendable {
    private struct State {
        var writer: TranscriptWriter?
        var pending: [TranscriptRecord] = []
        var failed = false
    }

    private let makeWriter: @Sendable () throws -> TranscriptWriter
    private let onError: @Sendable (String) -> Void
    private let state = Mutex(State())

    public init(makeWriter: @escaping @Sendable () throws -> TranscriptWriter, onError: @escaping @Sendable (String) -> Void) {
        self.makeWriter = makeWriter
        self.onError = onError
    }

    /// True once recording failed: what followed was not recorded, and the command that ran
    /// the session exits non-zero.
    public var hasFailed: Bool { state.withLock { $0.failed } }

    /// The transcript's path, once the file exists.
    public var path: String? { state.withLock { $0.writer?.path } }

    /// Appends one event.
    public func record(_ event: TranscriptEvent) {
        record([event])
    }

    /// Appends events in order, together: no other event can come between them.
    public func record(_ events: [TranscriptEvent]) {
        let records = events.map { TranscriptRecord(event: $0) }
        state.withLock { state in
            guard !state.failed else { return }
            do {
                if state.writer == nil {
                    state.pending += records
                    guard events.contains(where: { if case .user = $0 { true } else { false } }) else { return }
                    let writer = try makeWriter()
                    state.writer = writer
                    let pending = state.pending
                    state.pending = []
                    for record in pending { try writer.record(record) }
                } else {
                    for record in records { try state.writer?.record(record) }
                }
            } catch {
                fail(&state, error)
            }
        }
    }

    /// Appends an answer and makes it durable before returning.
    func recordAnswer(_ answer: TranscriptEvent.AnswerRecord) {
        record(.answer(answer))
        sync()
    }

    /// Makes everything recorded so far durable.
    func sync() {
        state.withLock { state in
            do { try state.writer?.sync() } catch { fail(&state, error) }
        }
    }

    /// Closes the file.
    public func close() {
        state.withLock { state in
            do { try state.writer?.close() } catch { fail(&state, error) }
        }
    }

    private func fail(_ state: inout State, _ error: any Error) {
        if !state.failed { onError("transcript: \(error); the session goes on unrecorded") }
        state.failed = true
    }
}
