import Synchronization

/// One finished turn as ``TurnResultCollector`` keeps it: what was asked and each asked side's
/// final answer.
struct TurnResult: Sendable {
    var number: Int
    var prompt: String
    var origin: TurnRequest.Origin
    /// `nil` for a side the turn did not ask.
    var answers: SidePair<FinalAnswer?>
}

/// Keeps every turn that ends, in order, for a report written once the work is done
/// (`--json`). Turns end one after another in a session, so the order is the turns' order.
final class TurnResultCollector: TurnObserver {
    private let results = Mutex<[TurnResult]>([])

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        let result = TurnResult(number: turn.number, prompt: turn.prompt, origin: turn.origin, answers: results)
        self.results.withLock { $0.append(result) }
    }

    /// Every turn that has ended so far.
    var turns: [TurnResult] { results.withLock { $0 } }
}
