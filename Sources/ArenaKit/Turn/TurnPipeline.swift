/// The one place where a turn's observers are registered, and the runner they follow.
///
/// The REPL, `/run`, `/replay`, `arena run` and `arena replay` use ``interactive``; `arena mmlu`
/// uses ``batch``. Both register the same observers (transcript, MMLU grader, answer tally),
/// and differ only in how turns are shown (a renderer, or a progress count) and in how the
/// transcript groups them. A new concern is a new observer, added here.
public final class TurnPipeline: Sendable {
    let runner: TurnRunner
    /// Records turns in the transcript.
    let transcript: TranscriptRecorderObserver
    /// Keeps the MMLU score.
    let grader = MMLUGradeObserver()
    /// Counts answers and votes for `/stats`.
    let tally = AnswerTally()
    /// `/judge auto`: judges each turn in the background once it ends.
    let autoJudge: AutoJudgeObserver
    /// Every observer, in the order events reach them.
    let observers: [any TurnObserver]

    private init(runner: TurnRunner, presentation: any TurnObserver, transcript: TranscriptRecorderObserver, additional: [any TurnObserver]) {
        self.runner = runner
        self.transcript = transcript
        autoJudge = AutoJudgeObserver(record: { [transcript] event in transcript.recorder?.record(event) }, show: { _ in })
        observers = [presentation, transcript, grader, tally, autoJudge] + additional
    }

    /// Turns shown as they stream (a fresh renderer per turn) and recorded as they happen.
    static func interactive(
        runner: TurnRunner,
        makeRenderer: @escaping @Sendable () -> any TurnRenderer,
        recorder: SessionRecorder?,
        additional: [any TurnObserver] = []
    ) -> TurnPipeline {
        TurnPipeline(
            runner: runner, presentation: RendererObserver(makeRenderer: makeRenderer),
            transcript: TranscriptRecorderObserver(recorder: recorder, mode: .live), additional: additional)
    }

    /// Unattended turns, many at once: counted for a progress bar, each recorded in one piece.
    static func batch(
        runner: TurnRunner,
        recorder: SessionRecorder?,
        answers total: Int,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void,
        additional: [any TurnObserver] = []
    ) -> TurnPipeline {
        TurnPipeline(
            runner: runner, presentation: BatchProgressObserver(total: total, report: progress),
            transcript: TranscriptRecorderObserver(recorder: recorder, mode: .grouped), additional: additional)
    }

    /// Runs `turn` past every observer; returns each asked side's final answer.
    func run(_ turn: TurnRequest) async -> SidePair<FinalAnswer?> {
        await runner.run(turn, observers: observers)
    }
}
