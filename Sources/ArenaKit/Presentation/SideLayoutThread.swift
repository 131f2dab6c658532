import Dispatch
import Foundation
import Synchronization

/// A second thread for the live renderer, on which one side's queued text is laid out while
/// the render thread lays out the other's. The two sides' layouts share nothing, and laying
/// out Markdown is most of a terminal turn's work: when the answers come faster than one core
/// can lay them out (a fast model, a long answer pasted to `echo`), both cores work on them.
///
/// It is a thread of the turn's own, for the reason the render thread is (see
/// ``ColumnRenderer``): a dispatch pool's threads are the ones the streams' decoding keeps busy.
/// A job is handed over and waited for (`lay(_:items:with:meanwhile:)` returns when both
/// halves are done), so the column is never touched by two threads at once.
final class SideLayoutThread: Sendable {
    /// A side's column and its text, handed to the thread, and the column given back.
    private struct Job: Sendable {
        var column: SideColumn
        var items: [QueuedText]
        var feed: @Sendable (inout SideColumn, [QueuedText]) -> Void
    }

    private let job = Mutex<Job?>(nil)
    private let done = Mutex<SideColumn?>(nil)
    private let start = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let running = Atomic<Bool>(true)

    /// Starts the thread; it waits for jobs until ``stop()``.
    init() {
        let thread = Thread { [self] in
            while true {
                start.wait()
                guard running.load(ordering: .acquiring) else { return }
                guard var job = job.withLock({ job -> Job? in defer { job = nil }; return job }) else { continue }
                job.feed(&job.column, job.items)
                // Swapped rather than copied, here and in `lay`: a column held in two places
                // would be copied whole by its next change.
                done.withLock { slot in
                    slot = SideColumn(width: 1)
                    swap(&slot!, &job.column)
                }
                finished.signal()
            }
        }
        thread.name = "arena.columns.layout"
        thread.start()
    }

    /// Lays out `items` into `column` on this thread while `meanwhile` runs on the caller's,
    /// and returns once both are done.
    func lay(
        _ column: inout SideColumn, items: [QueuedText],
        with feed: @escaping @Sendable (inout SideColumn, [QueuedText]) -> Void,
        meanwhile: () -> Void
    ) {
        job.withLock { job in
            job = Job(column: SideColumn(width: 1), items: items, feed: feed)
            swap(&job!.column, &column)
        }
        start.signal()
        meanwhile()
        finished.wait()
        done.withLock { slot in
            swap(&slot!, &column)
            slot = nil
        }
    }

    /// Ends the thread (after any job in hand).
    func stop() {
        running.store(false, ordering: .releasing)
        start.signal()
    }
}

/// A piece of text a stream handed over, not yet laid out.
struct QueuedText: Sendable {
    var text: String
    var tone: LineTone
}
