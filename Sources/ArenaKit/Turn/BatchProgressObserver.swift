import Synchronization

/// Counts the answers of unattended work as they become final and reports how many are done of
/// how many, for a progress bar.
final class BatchProgressObserver: TurnObserver {
    private let total: Int
    private let report: @Sendable (_ done: Int, _ total: Int) -> Void
    private let done = Mutex(0)

    init(total: Int, report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) {
        self.total = total
        self.report = report
    }

    func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {
        let count = done.withLock { count in
            count += 1
            return count
        }
        report(count, total)
    }
}
