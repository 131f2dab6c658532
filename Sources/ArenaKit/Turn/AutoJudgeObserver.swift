import Synchronization

/// `/judge auto`: when a turn ends with both answers, asks the judge about it in the
/// background (the prompt is not held up), records the verdict in the transcript and shows it
/// through `show` when it arrives. Off until ``start(judge:kind:)``.
final class AutoJudgeObserver: TurnObserver {
    private struct State {
        var judge: Judge?
        var kind: TranscriptEvent.JudgeKind = .pairwise
        var show: @Sendable (String) -> Void
        var pending: [Int: Task<Void, Never>] = [:]
        var nextTask = 0
    }

    private let state: Mutex<State>
    /// Records an event in the session's transcript.
    private let record: @Sendable (TranscriptEvent) -> Void

    init(record: @escaping @Sendable (TranscriptEvent) -> Void, show: @escaping @Sendable (String) -> Void) {
        self.record = record
        state = Mutex(State(show: show))
    }

    /// Judges every following turn with `judge`.
    func start(judge: Judge, kind: TranscriptEvent.JudgeKind) {
        state.withLock {
            $0.judge = judge
            $0.kind = kind
        }
    }

    /// Stops judging new turns (verdicts on their way still arrive).
    func stop() {
        state.withLock { $0.judge = nil }
    }

    /// The judge in use, if on.
    var judgeName: String? { state.withLock { $0.judge?.name } }

    /// Where verdicts are shown (the REPL sets one that prints above its prompt).
    func setShow(_ show: @escaping @Sendable (String) -> Void) {
        state.withLock { $0.show = show }
    }

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        // Only two finished answers are judged: a failed or interrupted side would lose for it.
        guard turn.sides == .both, let a = results.a, let b = results.b,
              a.answer.status == .done, b.answer.status == .done else { return }
        let judged = JudgedTurn(
            number: turn.number, question: turn.prompt, answers: SidePair(a: a.answer.text, b: b.answer.text),
            models: SidePair(a: a.model, b: b.model), anonymous: turn.blind,
            reference: turn.question.map { JudgedTurn.mmluReference(letter: $0.answer.letter, text: $0.answerText) } ?? nil)
        let record = self.record
        state.withLock { state in
            guard let judge = state.judge else { return }
            let kind = state.kind
            let id = state.nextTask
            state.nextTask += 1
            state.pending[id] = Task { [weak self] in
                let text: String
                do throws(JudgeError) {
                    let verdict = try await judge.verdict(on: judged, kind: kind)
                    record(.judgeVerdict(verdict))
                    text = verdict.displayText
                } catch {
                    text = "turn \(judged.number) not judged: \(error)"
                }
                self?.finish(id, showing: text)
            }
        }
    }

    private func finish(_ id: Int, showing text: String) {
        let show = state.withLock { state in
            state.pending[id] = nil
            return state.show
        }
        show(text)
    }

    /// Waits for every verdict on its way (before the session ends).
    func waitForPending() async {
        while let task = state.withLock({ $0.pending.values.first }) {
            await task.value
        }
    }
}
