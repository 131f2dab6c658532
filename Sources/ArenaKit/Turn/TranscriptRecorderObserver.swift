import Synchronization

/// Records turns in the session's transcript.
///
/// Live (the REPL, scripts, replays): the question when the turn begins, each answer as soon as
/// it is final (made durable at once), the grades when the turn ends. Grouped (`arena mmlu`,
/// where many questions run at once and each side of a question is its own job): nothing until
/// both sides of a question are in, then the whole question in one piece (a `clear`, the
/// question, each answer with its grade), so a replay asks every question on its own.
final class TranscriptRecorderObserver: TurnObserver {
    enum Mode: Sendable {
        case live
        case grouped
    }

    private let mode: Mode
    private let current: Mutex<SessionRecorder?>
    /// Grouped mode: the first side's events of each question, waiting for the other side's.
    private let pending = Mutex([Int: [TranscriptEvent]]())

    init(recorder: SessionRecorder?, mode: Mode = .live) {
        self.mode = mode
        current = Mutex(recorder)
    }

    /// Where turns are recorded; replaced when the session starts a new transcript.
    var recorder: SessionRecorder? {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    func turnBegan(_ turn: TurnRequest) {
        guard mode == .live, turn.origin != .retry, let recorder else { return }
        recorder.record(.user(.init(turn: turn.number, prompt: turn.prompt, mmlu: turn.mmluReference)))
        recorder.sync()
    }

    func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {
        guard mode == .live else { return }
        recorder?.recordAnswer(Self.answerRecord(final, turn: turn))
    }

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        guard let recorder else { return }
        switch mode {
        case .live:
            guard turn.question != nil else { return }
            for side in Side.allCases {
                if let final = results[side], let grade = final.grade {
                    recorder.record(Self.gradeEvent(grade, of: final, turn: turn))
                }
            }
            recorder.sync()
        case .grouped:
            var events: [TranscriptEvent] = []
            for side in Side.allCases {
                guard let final = results[side] else { continue }
                events.append(.answer(Self.answerRecord(final, turn: turn)))
                if let grade = final.grade { events.append(Self.gradeEvent(grade, of: final, turn: turn)) }
            }
            let complete = turn.sides == .both
            let toWrite: [TranscriptEvent]? = pending.withLock { pending in
                if !complete {
                    guard let other = pending.removeValue(forKey: turn.number) else {
                        pending[turn.number, default: []] += events
                        return nil
                    }
                    events = other + events
                }
                return [.clear, .user(.init(turn: turn.number, prompt: turn.prompt, mmlu: turn.mmluReference))] + events
            }
            if let toWrite {
                recorder.record(toWrite)
                recorder.sync()
            }
        }
    }

    private static func answerRecord(_ final: FinalAnswer, turn: TurnRequest) -> TranscriptEvent.AnswerRecord {
        .init(turn: turn.number, side: final.side, model: final.model, answer: final.answer)
    }

    private static func gradeEvent(_ grade: MMLUGradedAnswer, of final: FinalAnswer, turn: TurnRequest) -> TranscriptEvent {
        .grade(.init(turn: turn.number, side: final.side, model: final.model, graded: grade))
    }
}
