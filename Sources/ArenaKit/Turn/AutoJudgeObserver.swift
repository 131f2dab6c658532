import Synchronization

/// `/judge auto`: when a turn ends with both answers, asks the judge about it in the
/// background (the prompt is not held up), records the verdict in the transcript and shows it
/// through `show` when it arrives. Off until ``start(judge:kind:)``.
///
/// At most ``maximumInFlight`` turns are judged at once: when turns end faster than the judge
/// answers (a script, `arena run`), the others wait their turn, in order. A verdict that
/// arrives while a turn is being drawn is held and shown once that turn's footers are out, so it
/// never lands in the middle of the streaming columns.
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
        /// Turns begun and not yet ended: while there are any, verdicts are held.
        var turnsDrawing = 0
        var held: [String] = []
        /// Who waits for every verdict to be in (``waitForPending()``).
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Judgements dropped by the last skipped wait.
        var dropped = 0

        var isIdle: Bool { waiting.isEmpty && running.isEmpty }
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

    /// Verdicts still to come: being judged or waiting to be.
    var pendingCount: Int { state.withLock { $0.waiting.count + $0.running.count } }

    /// Where verdicts are shown (the REPL sets one that prints above its prompt).
    func setShow(_ show: @escaping @Sendable (String) -> Void) {
        state.withLock { $0.show = show }
    }

    func turnBegan(_ turn: TurnRequest) {
        state.withLock { $0.turnsDrawing += 1 }
    }

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        let judged = Self.judgedTurn(turn, results: results)
        let (show, held) = state.withLock { state -> (@Sendable (String) -> Void, [String]) in
            state.turnsDrawing = max(0, state.turnsDrawing - 1)
            if let judged, let judge = state.judge {
                state.waiting.append(Judgement(id: state.nextID, turn: judged, judge: judge, kind: state.kind))
                state.nextID += 1
                startWaiting(&state)
            }
            guard state.turnsDrawing == 0 else { return (state.show, [String]()) }
            defer { state.held = [] }
            return (state.show, state.held)
        }
        // The renderer, an earlier observer, has drawn this turn's footers by now.
        for text in held { show(text) }
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

    /// Records and shows a verdict (or why there is none), unless the wait for it was skipped.
    private func finish(_ judgement: Judgement, _ outcome: Result<TranscriptEvent.JudgeVerdict, JudgeError>) {
        let text: String
        switch outcome {
        case .success(let verdict): text = verdict.displayText
        case .failure(let error): text = "turn \(judgement.turn.number) not judged: \(error)"
        }
        let record = self.record
        let (show, waiters) = state.withLock { state -> ((@Sendable (String) -> Void)?, [CheckedContinuation<Void, Never>]) in
            // Dropped by a skipped wait: not recorded, not shown.
            guard state.running.removeValue(forKey: judgement.id) != nil else { return (nil, []) }
            // Recorded under the lock, so a skip never counts a verdict that was recorded.
            if case .success(let verdict) = outcome { record(.judgeVerdict(verdict)) }
            startWaiting(&state)
            let waiters = state.isIdle ? state.waiters : []
            if state.isIdle { state.waiters = [] }
            if state.turnsDrawing > 0 {
                state.held.append(text)
                return (nil, waiters)
            }
            return (state.show, waiters)
        }
        show?(text)
        for waiter in waiters { waiter.resume() }
    }

    /// Waits for every verdict still to come (before the session ends or loads another).
    /// Cancelling the wait (Ctrl-C) skips it: the verdicts not in yet are dropped, never
    /// recorded. Returns how many were dropped.
    func waitForPending() async -> Int {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let idle = state.withLock { state in
                    if !state.isIdle { state.waiters.append(continuation) }
                    return state.isIdle
                }
                if idle { continuation.resume() }
            }
        } onCancel: {
            dropPending()
        }
        return state.withLock { state in
            defer { state.dropped = 0 }
            return state.dropped
        }
    }

    /// Drops every judgement not finished yet (their requests are cancelled) and wakes the waiters.
    private func dropPending() {
        let waiters = state.withLock { state in
            state.dropped += state.waiting.count + state.running.count
            for task in state.running.values { task.cancel() }
            state.waiting = []
            state.running = [:]
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
