import Synchronization

/// `/judge auto`: when a turn ends with both answers, asks the judge about it in the
/// background (the prompt is not held up), records the verdict in the transcript and shows it
/// through `show` when it arrives. Off until ``start(judge:kind:)``.
///
/// At most ``maximumInFlight`` turns are judged at once: when turns end faster than the judge
/// answers (a script, `arena run`), the others wait their turn, in order.
final class AutoJudgeObserver: TurnObserver {
    /// Turns judged at once. A judgement is two requests (both orders, or both answers rated),
    /// so at most four judge requests are in flight: well inside the HTTP client's eight
    /// connections per host, which a turn's own answers share when the judge is on their endpoint.
    static let maximumInFlight = 2

    /// One turn to judge, with the judge asked.
    private struct Judgement: Sendable {
        var id: Int
        var turn: JudgedTurn
        var judge: Judge
        var kind: TranscriptEvent.JudgeKind
    }

    private struct State {
        var judge: Judge?
        var kind: TranscriptEvent.JudgeKind = .pairwise
        var show: @Sendable (String) -> Void
        /// Judgements not started yet, in the order their turns ended.
        var waiting: [Judgement] = []
        var running: [Int: Task<Void, Never>] = [:]
        var nextID = 0
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

    /// Stops judging new turns (verdicts on their way, or waiting to start, still arrive).
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
        guard let judged = Self.judgedTurn(turn, results: results) else { return }
        state.withLock { state in
            guard let judge = state.judge else { return }
            state.waiting.append(Judgement(id: state.nextID, turn: judged, judge: judge, kind: state.kind))
            state.nextID += 1
            startWaiting(&state)
        }
    }

    /// The turn as the judge sees it, when it ended with two finished answers (a failed or
    /// interrupted side would lose for that, not for its content).
    private static func judgedTurn(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) -> JudgedTurn? {
        guard turn.sides == .both, let a = results.a, let b = results.b,
              a.answer.status == .done, b.answer.status == .done else { return nil }
        return JudgedTurn(
            number: turn.number, question: turn.prompt, answers: SidePair(a: a.answer.text, b: b.answer.text),
            models: SidePair(a: a.model, b: b.model), anonymous: turn.blind,
            reference: turn.question.map { JudgedTurn.mmluReference(letter: $0.answer.letter, text: $0.answerText) } ?? nil)
    }

    /// Starts waiting judgements, in order, while fewer than ``maximumInFlight`` run.
    private func startWaiting(_ state: inout State) {
        while state.running.count < Self.maximumInFlight, !state.waiting.isEmpty {
            let judgement = state.waiting.removeFirst()
            state.running[judgement.id] = Task { [weak self] in
                let outcome: Result<TranscriptEvent.JudgeVerdict, JudgeError>
                do throws(JudgeError) {
                    outcome = .success(try await judgement.judge.verdict(on: judgement.turn, kind: judgement.kind))
                } catch {
                    outcome = .failure(error)
                }
                self?.finish(judgement, outcome)
            }
        }
    }

    /// Records and shows a verdict (or why there is none), and starts the next judgement waiting.
    private func finish(_ judgement: Judgement, _ outcome: Result<TranscriptEvent.JudgeVerdict, JudgeError>) {
        let text: String
        switch outcome {
        case .success(let verdict):
            record(.judgeVerdict(verdict))
            text = verdict.displayText
        case .failure(let error):
            text = "turn \(judgement.turn.number) not judged: \(error)"
        }
        let show = state.withLock { state in
            state.running[judgement.id] = nil
            startWaiting(&state)
            return state.show
        }
        show(text)
    }

    /// Waits for every verdict still to come, also those waiting to start (before the session ends).
    func waitForPending() async {
        // A judgement finishing starts the next one waiting before its task ends.
        while let task = state.withLock({ $0.running.values.first }) {
            await task.value
        }
    }
}
