import Foundation

/// `arena mmlu`: N questions of a subject asked of two models unattended, both models at
/// once with a bounded number of requests in flight, graded, and summarised as accuracy with
/// a 95% confidence interval per model. Every question is its own conversation; the run is
/// recorded as a transcript (each question after a `clear`, so a replay asks them the same way).
///
/// The built-in models answer at full speed (their pace is for people watching columns).
///
/// Each side of a question is a turn of its own (so the bound counts requests, not questions),
/// run through the same ``TurnPipeline`` observers as the REPL's turns.
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

    /// The pipeline the run's turns go through, recording into a new transcript when recording
    /// is on; `progress` is told after each answer how many are done of how many.
    func makePipeline(progress: @escaping @Sendable (Int, Int) -> Void) -> TurnPipeline {
        let recorder = setup.transcriptsDirectory.map { directory in
            SessionRecorder(makeWriter: { try TranscriptWriter.create(in: directory) }, onError: { [console = setup.console] in console.error($0) })
        }
        recorder?.record(.session(.init(arenaVersion: ArenaVersion.current, source: nil)))
        for side in Side.allCases {
            recorder?.record(.model(.init(side: side, descriptor: models[side])))
        }
        let runner = TurnRunner(clientFor: { [registry = setup.registry] in try registry.client(named: $0) }, pricesFor: { [catalog = setup.catalog] in catalog.prices(for: $0) })
        return .batch(runner: runner, recorder: recorder, answers: questions.count * 2, progress: progress, additional: setup.additionalObservers)
    }

    /// The turn asking one side question number `index` (from 0) on its own.
    func turn(_ index: Int, side: Side) -> TurnRequest {
        let question = questions[index]
        let prompt = MMLUPrompt.text(for: question)
        return TurnRequest(
            number: index + 1, prompt: prompt,
            requests: SidePair(both: ChatRequest(messages: [.user(prompt)], settings: GenerationSettings())),
            models: models, heading: TurnHeading(names: models.map { _, model in model.name }),
            sides: .only(side), question: question, origin: .mmlu)
    }

    /// Runs every question; `progress` is called after each answer with how many are done of
    /// how many. Returns the score per side.
    public func run(progress: @escaping @Sendable (Int, Int) -> Void) async -> SidePair<MMLUTally> {
        await run(through: makePipeline(progress: progress))
    }

    /// Runs every question through `pipeline`; returns the score per side.
    public func run(through pipeline: TurnPipeline) async -> SidePair<MMLUTally> {
        // Nobody watches the answers stream: the built-in models answer at full speed.
        setup.runUnwatched()
        let jobs = questions.indices.flatMap { index in Side.allCases.map { turn(index, side: $0) } }
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let turn = jobs[next]
                next += 1
                group.addTask { _ = await pipeline.run(turn) }
            }
            for _ in 0..<concurrency { startNext() }
            for await _ in group { startNext() }
        }
        pipeline.transcript.recorder?.close()
        return pipeline.grader.scores
    }

    /// `arena mmlu --json`'s document: what was drawn, the built-in pace the run used (0: full
    /// speed), and each side's tally with its accuracy and 95% interval.
    public static func json(scores: SidePair<MMLUTally>, models: SidePair<ModelDescriptor>, draw: MMLUQuestionDraw, questions: Int, bank: MMLUQuestionBank, pace: BuiltInPace) -> String {
        ResultJSON.text([
            "subject": ResultJSON.string(draw.subject?.name),
            "split": .string(draw.split.rawValue),
            // A string: a seed is 64 bits, more than a JSON number keeps exactly.
            "seed": .string(String(draw.seed)),
            "questions": .number(Double(questions)),
            "source": .string(bank.sourceDescription),
            "built_in_words_per_second": .number(pace.wordsPerSecond),
            "a": ResultJSON.tally(scores.a, model: models.a.name),
            "b": ResultJSON.tally(scores.b, model: models.b.name),
        ])
    }
}
