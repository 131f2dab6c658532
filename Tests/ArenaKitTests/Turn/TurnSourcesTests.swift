import Foundation
import Testing
import ArenaTestSupport
@testable import ArenaKit

/// Every source of a turn runs through the one runner, past the same observers: a REPL turn,
/// an `arena run` script turn, an `arena replay` turn and an `arena mmlu` question are all
/// recorded, graded and counted the same way.
@Suite struct TurnSourcesTests {
    private let home: TemporaryDirectory
    private let observer = RecordingObserver()
    private let setup: ArenaSetup

    init() throws {
        home = try TemporaryDirectory(prefix: "arena-turn-sources-")
        var setup = try ArenaSetup(
            environment: ["HOME": home.path], wordsPerSecond: 0,
            transcripts: home.file("transcripts"), record: true, workingDirectory: home.path)
        setup.console = RecordingConsole()
        setup.additionalObservers = [observer]
        self.setup = setup
    }

    private var models: SidePair<ModelDescriptor> {
        get throws { try setup.initialModels(a: "echo", b: "scribe") }
    }

    /// The kinds of arena's own observers, without the one that shows turns (a renderer for
    /// sessions, a progress count for batches).
    private func kinds(_ observers: [any TurnObserver]) -> [String] {
        observers.map { String(describing: type(of: $0)) }
            .filter { $0 != "RendererObserver" && $0 != "BatchProgressObserver" }
    }

    private static let shared = ["TranscriptRecorderObserver", "MMLUGradeObserver", "AnswerTally", "AutoJudgeObserver", "RecordingObserver"]

    /// The transcript events of kind `kind` in the file at `path`.
    private func events(in path: String?, kind: String) throws -> Int {
        let path = try #require(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").filter { $0.contains("\"type\":\"\(kind)\"") }.count
    }

    @Test func replTurnGoesThroughTheSharedObservers() async throws {
        let session = setup.makeSession(models: try models, renderer: { SilentRenderer() })
        #expect(kinds(session.observers) == Self.shared)
        #expect(try await session.execute(CommandParser.parse("/examples 1")))
        #expect(try await session.execute(CommandParser.parse("/ask 1")))
        session.recorder?.close()

        #expect(observer.events == [
            .began(turn: 1, origin: .message, prompt: session.state.a.turns[0].prompt),
            observer.events[1], observer.events[2],
            .ended(turn: 1, sides: [.a, .b]),
        ])
        #expect(Set(observer.events[1...2]) == [.final(turn: 1, side: .a, status: .done, graded: true), .final(turn: 1, side: .b, status: .done, graded: true)])
        #expect(session.pipeline.grader.scores.a.total == 1 && session.pipeline.grader.scores.b.total == 1)
        #expect(session.pipeline.tally.count == 2)
        #expect(try events(in: session.recorder?.path, kind: "answer") == 2)
        #expect(try events(in: session.recorder?.path, kind: "grade") == 2)
    }

    @Test func scriptTurnGoesThroughTheSharedObservers() async throws {
        let session = setup.makeSession(models: try models, renderer: { SilentRenderer() })
        #expect(kinds(session.observers) == Self.shared)
        let items = try ScriptParser.parse("/examples 1\n/ask 1\nhello\n/expect both finished\n", file: "turns.arena")
        let outcome = await session.run(items)
        session.recorder?.close()

        #expect(outcome.failures == 0)
        #expect(observer.events.filter { if case .began = $0 { true } else { false } }.count == 2)
        #expect(observer.events.filter { if case .final = $0 { true } else { false } }.count == 4)
        #expect(observer.events.last == .ended(turn: 2, sides: [.a, .b]))
        #expect(session.pipeline.grader.scores.a.total == 1)
        #expect(session.pipeline.tally.count == 4)
        #expect(try events(in: session.recorder?.path, kind: "answer") == 4)
        #expect(try events(in: session.recorder?.path, kind: "grade") == 2)
    }

    @Test func replayTurnGoesThroughTheSharedObservers() async throws {
        let original = setup.makeSession(models: try models, renderer: { SilentRenderer() })
        await original.ask("What is the capital of France?")
        original.recorder?.close()
        let (transcript, _) = try TranscriptReader.load(path: try #require(original.recorder?.path))
        observer.reset()

        let replay = TranscriptReplay(setup: setup, models: ["scribe", "echo"], keep: nil)
        let session = try replay.makeSession(for: transcript, renderer: { SilentRenderer() })
        #expect(kinds(session.observers) == Self.shared)
        let result = await session.replay(transcript)
        session.recorder?.close()

        #expect(result.turns == 1 && result.failures == 0)
        #expect(observer.events.first == .began(turn: 1, origin: .replay, prompt: "What is the capital of France?"))
        #expect(observer.events.last == .ended(turn: 1, sides: [.a, .b]))
        #expect(session.pipeline.tally.count == 2)
        #expect(try events(in: session.recorder?.path, kind: "answer") == 2)
    }

    @Test func mmluQuestionGoesThroughTheSharedObservers() async throws {
        var generator = SplitMix64(seed: 12)
        let question = try #require(MMLUQuestionBank.builtIn.randomQuestions(1, of: nil, using: &generator).first)
        let run = MMLURun(setup: setup, models: try models, questions: [question], concurrency: 2)
        let pipeline = run.makePipeline { _, _ in }
        #expect(kinds(pipeline.observers) == Self.shared)
        let scores = await run.run(through: pipeline)

        #expect(scores.a.total == 1 && scores.b.total == 1)
        #expect(observer.events.filter { if case .began(_, .mmlu, _) = $0 { true } else { false } }.count == 2)
        #expect(Set(observer.events.filter { if case .final = $0 { true } else { false } }) == [
            .final(turn: 1, side: .a, status: .done, graded: true), .final(turn: 1, side: .b, status: .done, graded: true),
        ])
        #expect(pipeline.tally.count == 2)
        #expect(try events(in: pipeline.transcript.recorder?.path, kind: "answer") == 2)
        #expect(try events(in: pipeline.transcript.recorder?.path, kind: "grade") == 2)
    }
}
