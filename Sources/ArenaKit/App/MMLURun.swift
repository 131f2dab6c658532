import Foundation
import Synchronization

/// `arena mmlu`: N questions of a subject asked of two models unattended, both models at
/// once with a bounded number of requests in flight, graded, and summarised as accuracy with
/// a 95% confidence interval per model. Every question is its own conversation; the run is
/// recorded as a transcript (each question after a `clear`, so a replay asks them the same way).
public struct MMLURun: Sendable {
    public let setup: ArenaSetup
    public let models: SidePair<ModelDescriptor>
    public let questions: [MMLUQuestion]
    /// Requests in flight at once, over both models.
    public let concurrency: Int

    public init(setup: ArenaSetup, models: SidePair<ModelDescriptor>, questions: [MMLUQuestion], concurrency: Int = 8) {
        self.setup = setup
        self.models = models
        self.questions = questions
        self.concurrency = max(1, concurrency)
    }

    /// Picks `count` questions of `subject` (all subjects when `nil`), reproducibly for a seed.
    public static func pick(_ count: Int, of subject: MMLUSubject?, from bank: MMLUQuestionBank, seed: UInt64?) -> [MMLUQuestion] {
        if let seed {
            var generator = SplitMix64(seed: seed)
            return bank.randomQuestions(count, of: subject, using: &generator)
        }
        var generator = SystemRandomNumberGenerator()
        return bank.randomQuestions(count, of: subject, using: &generator)
    }

    /// Runs every question; `progress` is called after each answer with how many are done of
    /// how many. Returns the score per side.
    public func run(progress: @escaping @Sendable (Int, Int) -> Void) async -> SidePair<MMLUTally> {
        let registry = setup.registry
        let recorder = setup.transcriptsDirectory.map { directory in
            SessionRecorder(makeWriter: { try TranscriptWriter.create(in: directory) }, onError: { [console = setup.console] in console.error($0) })
        }
        recorder?.record(.session(.init(arenaVersion: ArenaVersion.current, source: nil)))
        for side in Side.allCases {
            recorder?.record(.model(.init(side: side, descriptor: models[side])))
        }
        let jobs = questions.enumerated().flatMap { index, question in Side.allCases.map { (index, question, $0) } }
        let shared = SharedProgress()
        let models = self.models
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let (index, question, side) = jobs[next]
                next += 1
                group.addTask {
                    let sink = CollectingSink()
                    var status = AnswerStatus.done
                    do {
                        let client = try registry.client(named: models[side].name)
                        try await client.stream(ChatRequest(messages: [.user(MMLUPrompt.text(for: question))], settings: GenerationSettings()), into: sink)
                    } catch {
                        status = .failed(message: "\(models[side].name): \(error)")
                    }
                    var answer = sink.answer
                    answer.status = status
                    let graded = MMLUGrader.grade(answer.text, for: question)
                    shared.scores.withLock { $0[side].record(graded.grade) }
                    sink.finish(answer, side: side, turn: index + 1, question: question, graded: graded, model: models[side].name, recorder: recorder, shared: shared)
                    let count = shared.done.withLock { count in
                        count += 1
                        return count
                    }
                    progress(count, jobs.count)
                }
            }
            for _ in 0..<concurrency { startNext() }
            for await _ in group { startNext() }
        }
        recorder?.close()
        return shared.scores.withLock { $0 }
    }
}

/// What the concurrent questions share: grades by question, scores, and how many are done.
private final class SharedProgress: Sendable {
    let scores = Mutex(SidePair(both: MMLUTally()))
    let done = Mutex(0)
    /// The first side's events of each question, waiting for the other side's.
    let pendingTurns = Mutex([Int: [TranscriptEvent]]())
}

/// Collects one answer without showing it, and records it in order once both sides are in.
private final class CollectingSink: AnswerSink, Sendable {
    private let state = Mutex(Answer())

    func receive(_ event: AnswerEvent) {
        state.withLock { answer in
            switch event {
            case .text(let text): answer.text += text
            case .reasoning(let text): answer.reasoning += text
            case .usage(let usage): answer.usage = usage
            case .finished(let reason): answer.finishReason = reason
            case .reportedModel(let name): answer.reportedModel = name
            case .retrying: break
            }
        }
    }

    var answer: Answer { state.withLock { $0 } }

    /// Keeps the first side's events until the other side of the same question is in, then writes
    /// the turn (clear, question, both answers, both grades) in one piece.
    func finish(_ answer: Answer, side: Side, turn: Int, question: MMLUQuestion, graded: MMLUGradedAnswer, model: String, recorder: SessionRecorder?, shared: SharedProgress) {
        guard let recorder else { return }
        let events: [TranscriptEvent] = [
            .answer(.init(turn: turn, side: side, model: model, answer: answer)),
            .grade(.init(turn: turn, side: side, model: model, graded: graded)),
        ]
        let toWrite: [TranscriptEvent]? = shared.pendingTurns.withLock { pending in
            guard let other = pending.removeValue(forKey: turn) else {
                pending[turn, default: []] += events
                return nil
            }
            let reference = TranscriptEvent.MMLUReference(subject: question.subject.name, split: question.split.rawValue, index: question.index, answer: question.answer.letter)
            return [.clear, .user(.init(turn: turn, prompt: MMLUPrompt.text(for: question), mmlu: reference))] + other + events
        }
        if let toWrite {
            recorder.record(toWrite)
            recorder.sync()
        }
    }
}
