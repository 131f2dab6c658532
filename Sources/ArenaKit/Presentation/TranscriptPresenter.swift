/// Shows a recorded transcript the way arena showed it live: each prompt, then both answers
/// through a renderer (columns on a terminal, labelled lines in a pipe), with their footers.
/// A turn one side of which was asked again (`/retry a|b`) shows the last answers; the side
/// that kept its answer is marked kept, as live (`= kept`, with how that answer ended when it
/// did not simply finish), and a note after the turn says so.
public enum TranscriptPresenter {
    /// Draws every turn of `transcript`; `writePrompt` prints each prompt line before its turn,
    /// and `writeNote` each sentence about the turn after it: which side a retry kept, the
    /// votes on it and the verdicts of judge models (raw; the caller sanitises).
    public static func present(
        _ transcript: LoadedTranscript,
        makeRenderer: () -> any TurnRenderer,
        writePrompt: (String) -> Void,
        writeNote: (String) -> Void = { _ in }
    ) {
        for turn in transcript.turns {
            writePrompt(turn.prompt)
            let renderer = makeRenderer()
            let names = turn.models.map { side, model in
                transcript.modelIdentities[side]?.blind == true ? "Model \(side.label)" : model.displayName
            }
            renderer.beginTurn(TurnHeading(names: names))
            let start = ContinuousClock.now
            var answers = SidePair(both: Answer(status: .interrupted))
            for side in Side.allCases {
                let answer = turn.answer(side)
                answers[side] = answer
                var progress = AnswerProgress(status: .streaming, startedAt: start)
                if let ttft = answer.timeToFirstToken {
                    progress.firstTokenAt = start.advanced(by: .nanoseconds(Int64(ttft * 1e9)))
                }
                if !answer.reasoning.isEmpty {
                    renderer.append(answer.reasoning, tone: .reasoning, side: side, progress: progress)
                }
                if !answer.text.isEmpty {
                    renderer.append(answer.text, tone: .answer, side: side, progress: progress)
                }
                let tokens = answer.outputTokens
                progress.status = answer.status
                progress.finishReason = answer.finishReason
                progress.outputTokens = tokens.count
                progress.tokensAreEstimated = tokens.isEstimate
                progress.endedAt = answer.duration.map { start.advanced(by: .nanoseconds(Int64($0 * 1e9))) } ?? start
                // As live, the side a `/retry` of the other did not ask is marked kept.
                renderer.update(side == turn.keptSide ? .kept(answer, at: start) : progress, side: side)
            }
            renderer.endTurn(answers)
            if let kept = turn.keptSide {
                writeNote("Side \(kept.other.label) was asked again (/retry \(kept.other.rawValue)); side \(kept.label) kept its answer.")
            }
            for vote in turn.votes { writeNote(TranscriptExportText.vote(vote)) }
            for verdict in transcript.judgeVerdicts where verdict.turn == turn.number {
                writeNote("The judge \(verdict.judge): \(verdict.summary).")
            }
        }
    }
}
