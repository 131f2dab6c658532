import Synchronization

/// Keeps each side's MMLU score: every graded answer counts, from the REPL's `/ask` and
/// `/random` as from `arena mmlu`.
final class MMLUGradeObserver: TurnObserver {
    private let tallies = Mutex(SidePair(both: MMLUTally()))

    /// The score per side so far.
    var scores: SidePair<MMLUTally> { tallies.withLock { $0 } }

    func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {
        guard let grade = final.grade else { return }
        tallies.withLock { $0[final.side].record(grade.grade) }
    }
}
