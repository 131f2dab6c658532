import Foundation

/// Everything a command needs to run a session, assembled once from the environment and the
/// command line: the model registry, the terminal's capabilities, the console, and where
/// transcripts go. The executable builds one and hands it to whichever command runs.
public struct ArenaSetup: Sendable {
    public let environment: [String: String]
    public let pace: BuiltInPace
    public let registry: ModelRegistry
    public let stdinIsTerminal: Bool
    public let stdoutIsTerminal: Bool
    public let style: TerminalStyle
    /// Where listings, confirmations and problems go (standard output and error).
    public var console: any Console
    /// Where new transcripts are written, or `nil` when recording is off.
    let transcriptsDirectory: String?
    /// The MMLU data directory named with `--mmlu`, if any.
    public let mmluDirectory: String?

    /// The configured models: prices, blind-battle weights, local server discovery.
    public let catalog: ModelCatalog
    /// Problems in the configuration worth telling the person about.
    public let configWarnings: [ConfigWarning]
    /// Observers every turn of every command also reaches, after arena's own (see ``TurnPipeline``).
    var additionalObservers: [any TurnObserver] = []
    /// Whether sessions show their turns (columns or labelled lines); off for `--json`.
    var drawsTurns = true

    /// Assembles the setup. Reads `.env` in the working directory for models and keys only
    /// (never overriding the real environment, never steering arena), the models file (`configPath`, `ARENA_CONFIG` or the XDG default) and the
    /// `<NAME>_ENDPOINT`/`<NAME>_KEY` pairs of the environment.
    public init(
        environment processEnvironment: [String: String],
        wordsPerSecond: Double?,
        transcripts: String?,
        record: Bool,
        mmlu: String? = nil,
        configPath: String? = nil,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(ConfigError) {
        mmluDirectory = mmlu
        // Proxies come from the process environment alone; one arena cannot use stops it here
        // rather than letting requests bypass it.
        if let problem = ProxySettings(environment: processEnvironment).problem {
            throw ConfigError(file: "environment", line: nil, message: problem.description)
        }
        let catalog = ModelCatalog()
        let watched = TerminalDevice.isTerminal(1) && !TerminalStyle.isDumbTerminal(environment: processEnvironment)
        let pace = BuiltInPace(wordsPerSecond: wordsPerSecond
            ?? processEnvironment["ARENA_PACE"].flatMap(Double.init) ?? BuiltInPace.defaultPace(watched: watched))
        let registry = ModelRegistry.builtIn(pace: pace)
        do {
            configWarnings = try catalog.load(environment: processEnvironment, workingDirectory: workingDirectory, configPath: configPath, into: registry)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: configPath ?? "configuration", line: nil, message: "\(error)")
        }
        self.catalog = catalog
        self.pace = pace
        self.registry = registry
        // Settings that steer arena (colour, transcript and history paths, the starting models,
        // MMLU data) come from the real environment alone, never from a `.env`.
        let environment = processEnvironment
        self.environment = environment
        stdinIsTerminal = TerminalDevice.isTerminal(0)
        stdoutIsTerminal = TerminalDevice.isTerminal(1)
        style = TerminalStyle.detect(environment: environment, isTerminal: stdoutIsTerminal)
        console = StandardConsole(style: TerminalStyle.detect(environment: environment, isTerminal: TerminalDevice.isTerminal(2) && stdoutIsTerminal))
        transcriptsDirectory = record ? (transcripts ?? TranscriptDirectory.defaultPath(environment: environment)) : nil
    }

    /// Loads the MMLU questions: `--mmlu`, `ARENA_MMLU_DIR`, the XDG data directory, else the
    /// built-in set.
    public var loadMMLU: @Sendable () throws -> MMLUQuestionBank {
        let directory = mmluDirectory
        let environment = self.environment
        return { try MMLUQuestionBank.load(explicitDirectory: directory, environment: environment) }
    }

    /// The pair of models to start with: the ones named, else `ARENA_MODEL_A`/`ARENA_MODEL_B`,
    /// else the built-in echo and scribe.
    public func initialModels(a: String?, b: String?) throws(ModelLookupError) -> SidePair<ModelDescriptor> {
        try ModelChoice.initialPair(registry: registry, a: a ?? environment["ARENA_MODEL_A"], b: b ?? environment["ARENA_MODEL_B"])
    }

    /// The built-in models at full speed from now on, whatever `--pace` or `ARENA_PACE` said:
    /// for work nobody watches as it streams (`arena mmlu`, `models --check`, `--json`).
    public func runUnwatched() {
        pace.wordsPerSecond = 0
    }

    /// The judge prompt templates: MT-Bench's, or the models file's `judge_templates`.
    public var judgeTemplates: JudgeTemplates { JudgeTemplates(overrides: catalog.judge.templates) }

    /// The default judge model: `ARENA_JUDGE` (from the real environment, never a `.env`), else
    /// the models file's `judge:`.
    public var defaultJudge: String? {
        environment["ARENA_JUDGE"].flatMap { $0.isEmpty ? nil : $0 } ?? catalog.judge.model
    }

    /// Looks for local model servers in the background; never delays anything.
    public func discoverInBackground() {
        let catalog = self.catalog
        let registry = self.registry
        Task.detached(priority: .utility) { await catalog.discoverLocalServers(into: registry) }
    }

    /// Columns on a terminal, labelled lines otherwise; nothing when turns are not drawn.
    private var defaultRenderer: @Sendable () -> any TurnRenderer {
        guard drawsTurns else { return { SilentRenderer() } }
        return Renderers.factory(stdoutIsTerminal: stdoutIsTerminal && !TerminalStyle.isDumbTerminal(environment: environment), style: style)
    }

    /// A session recording into a new transcript (when recording is on), drawing columns on a
    /// terminal and labelled lines otherwise — or into `renderer` when one is given.
    public func makeSession(
        models: SidePair<ModelDescriptor>,
        registry: ModelRegistry? = nil,
        renderer: (@Sendable () -> any TurnRenderer)? = nil
    ) -> ArenaSession {
        let console = self.console
        let directory = transcriptsDirectory
        var makeRecorder: (@Sendable (String?) -> SessionRecorder?)?
        if let directory {
            makeRecorder = { _ in
                SessionRecorder(makeWriter: { try TranscriptWriter.create(in: directory) }, onError: { message in console.error(message) })
            }
        }
        let session = ArenaSession(
            registry: registry ?? self.registry,
            models: models,
            console: console,
            pace: pace,
            pricesFor: { [catalog] in catalog.prices(for: $0) },
            makeRecorder: makeRecorder,
            loadMMLU: loadMMLU,
            additionalObservers: additionalObservers,
            makeRenderer: renderer ?? defaultRenderer
        )
        session.transcriptsDirectory = transcriptsDirectory ?? TranscriptDirectory.defaultPath(environment: environment)
        session.judgeDefaults = JudgeDefaults(model: defaultJudge, templates: judgeTemplates)
        let weightRegistry = registry ?? self.registry
        session.weightFor = { [catalog] in catalog.blindWeight(for: $0, in: weightRegistry) }
        return session
    }
}
