import Synchronization

/// Counts every answer of a session and the votes cast on its turns: what `/stats` summarises.
final class AnswerTally: TurnObserver {
    /// One answer, with the turn and model it belongs to.
    struct Entry: Sendable {
        var turn: Int
        var side: Side
        var model: String
        var answer: Answer
    }

    private struct State {
        var entries: [Entry] = []
        var verdicts: [Int: TranscriptEvent.Verdict] = [:]
    }

    private let state = Mutex(State())

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        let entries = Side.allCases.compactMap { side in
            results[side].map { Entry(turn: turn.number, side: side, model: $0.model, answer: $0.answer) }
        }
        state.withLock { $0.entries += entries }
    }

    /// Notes the verdict on `turn` (`/vote`).
    func recordVote(_ verdict: TranscriptEvent.Verdict, turn: Int) {
        state.withLock { $0.verdicts[turn] = verdict }
    }

    /// How many answers have been counted.
    var count: Int { state.withLock { $0.entries.count } }

    /// Every answer so far as a statistics sample, with its cost and whether its side won the vote.
    func samples(pricesFor: (String) -> ModelPrices?) -> [AnswerSample] {
        let (entries, verdicts) = state.withLock { ($0.entries, $0.verdicts) }
        return entries.map { entry in
            let tokens = entry.answer.outputTokens
            return AnswerSample(
                model: entry.model,
                timeToFirstToken: entry.answer.timeToFirstToken,
                tokensPerSecond: entry.answer.tokensPerSecond,
                outputTokens: tokens.count,
                tokensEstimated: tokens.isEstimate,
                cost: entry.answer.usage.flatMap { pricesFor(entry.model)?.cost(of: $0) },
                won: verdicts[entry.turn].map { $0.rawValue == entry.side.rawValue } ?? false)
        }
    }
}
