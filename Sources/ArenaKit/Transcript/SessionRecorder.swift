import Synchronization

/// Records a live session into its transcript as things happen, and keeps going if the disk
/// fails: the first write error is reported once through `onError`, the session carries on.
public final class SessionRecorder: Sendable {
    public let writer: TranscriptWriter
    private let onError: @Sendable (String) -> Void
    private let failed = Mutex(false)

    public init(writer: TranscriptWriter, onError: @escaping @Sendable (String) -> Void) {
        self.writer = writer
        self.onError = onError
    }

    /// The transcript's path.
    public var path: String { writer.path }

    /// Appends one event.
    public func record(_ event: TranscriptEvent) {
        attempt { try writer.record(event) }
    }

    /// Appends events in order.
    public func record(_ events: [TranscriptEvent]) {
        for event in events { record(event) }
    }

    /// Appends an answer and makes it durable before returning.
    public func recordAnswer(_ record: TranscriptEvent.AnswerRecord) {
        attempt {
            try writer.record(.answer(record))
            try writer.sync()
        }
    }

    /// Makes everything recorded so far durable.
    public func sync() {
        attempt { try writer.sync() }
    }

    /// Closes the file.
    public func close() {
        attempt { try writer.close() }
    }

    private func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            let first = failed.withLock { failed in
                defer { failed = true }
                return !failed
            }
            if first { onError("transcript \(writer.path): \(error); the session goes on unrecorded") }
        }
    }
}
