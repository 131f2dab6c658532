import Foundation

/// `arena replay`: asks a transcript's questions again against other models and records the
/// result as a new transcript, for one file or a whole directory of them.
public struct TranscriptReplay: Sendable {
    public let setup: ArenaSetup
    /// The new models: two, or one when `keep` keeps a recorded side.
    public let models: [String]
    /// The recorded side kept as a column, answering with its recorded text.
    public let keep: Side?

    public init(setup: ArenaSetup, models: [String], keep: Side?) {
        self.setup = setup
        self.models = models
        self.keep = keep
    }

    /// Why a replay could not start.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The session that will replay `transcript`, with its models in place.
    public func makeSession(for transcript: LoadedTranscript, renderer: (@Sendable () -> any TurnRenderer)? = nil) throws(Problem) -> ArenaSession {
        let registry = setup.registry.copy()
        var names: SidePair<String>
        if let keep {
            guard models.count == 1 else {
                throw Problem(description: "--against \(keep.rawValue) keeps side \(keep.label) as recorded: name one model for side \(keep.other.label), got \(models.count)")
            }
            let original = transcript.turns.first?.models[keep] ?? transcript.state[keep].model
            let recorded = RecordedModel(original: original, answers: transcript.turns.map { $0.answer(keep) }, source: (transcript.file as NSString).lastPathComponent, pace: setup.pace)
            registry.register(recorded.descriptor) { recorded }
            names = SidePair(both: models[0])
            names[keep] = recorded.descriptor.name
        } else {
            guard models.count == 2 else {
                throw Problem(description: "--models: name two models (A and B), got \(models.count)")
            }
            names = SidePair(a: models[0], b: models[1])
        }
        var descriptors = SidePair(both: ModelDescriptor(name: "", provider: .builtIn, origin: .builtIn))
        for side in Side.allCases {
            guard let model = registry.descriptor(named: names[side]) else {
                throw Problem(description: ModelLookupError.unknownModel(name: names[side], known: setup.registry.descriptors.map(\.name)).description)
            }
            if let problem = model.problem {
                throw Problem(description: "model '\(model.name)' cannot be used: \(problem)")
            }
            descriptors[side] = model
        }
        return setup.makeSession(models: descriptors, registry: registry, renderer: renderer)
    }

    /// The one-line result of replaying one file.
    public struct Outcome: Sendable {
        public var file: String
        public var turns: Int
        public var failures: Int
        public var newTranscript: String?
        public var problem: String?

        public init(file: String, turns: Int, failures: Int, newTranscript: String? = nil, problem: String? = nil) {
            self.file = file
            self.turns = turns
            self.failures = failures
            self.newTranscript = newTranscript
            self.problem = problem
        }

        /// The outcome in `arena replay DIR --json`'s document.
        public var json: JSONValue {
            [
                "file": .string(file), "turns": .number(Double(turns)), "failures": .number(Double(failures)),
                "transcript": ResultJSON.string(newTranscript), "problem": ResultJSON.string(problem),
            ]
        }

        /// One line about the replay; the file name and problem (from outside arena) are made
        /// inert, so a file named with escape sequences prints as text.
        public var summary: String { TextSanitizer.sanitizeLine(plainSummary) }

        private var plainSummary: String {
            if let problem { return "\(file): not replayed: \(problem)" }
            var line = "\(file): \(turns) turn\(turns == 1 ? "" : "s") replayed"
            if failures > 0 { line += ", \(failures) answer\(failures == 1 ? "" : "s") failed" }
            if let newTranscript { line += " → \(newTranscript)" }
            return line
        }
    }

    /// Replays one file without showing the answers (for directories).
    func replaySilently(_ path: String) async -> Outcome {
        do {
            let (transcript, _) = try TranscriptReader.load(path: path)
            let session = try makeSession(for: transcript, renderer: { SilentRenderer() })
            let result = await session.replay(transcript)
            session.recorder?.close()
            return Outcome(file: path, turns: result.turns, failures: result.failures, newTranscript: session.recorder?.path)
        } catch {
            return Outcome(file: path, turns: 0, failures: 0, problem: "\(error)")
        }
    }

    /// Replays every transcript in `directory`, `parallel` at a time, with a ``ProgressBar`` on
    /// standard error. After each file, `report` says which line (if any) to print on standard
    /// output for its outcome.
    public func replayDirectory(_ directory: String, parallel: Int, report: @escaping @Sendable (Outcome) -> String?) async throws(Problem) -> [Outcome] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".jsonl") }.sorted()
                .map { (directory as NSString).appendingPathComponent($0) }
        } catch {
            throw Problem(description: "cannot read directory \(directory): \(error.localizedDescription)")
        }
        var outcomes: [Outcome] = []
        let bar = ProgressBar(total: files.count, unit: "transcripts", environment: setup.environment)
        defer { bar.finish() }
        await withTaskGroup(of: Outcome.self) { group in
            var next = 0
            func startNext() {
                guard next < files.count else { return }
                let file = files[next]
                next += 1
                group.addTask { await self.replaySilently(file) }
            }
            for _ in 0..<max(1, parallel) { startNext() }
            for await outcome in group {
                outcomes.append(outcome)
                if let line = report(outcome) { bar.note(line, to: 1) }
                bar.update(done: outcomes.count)
                startNext()
            }
        }
        return outcomes.sorted { $0.file < $1.file }
    }
}
