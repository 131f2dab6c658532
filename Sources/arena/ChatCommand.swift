import ArenaKit
import ArgumentParser

/// `arena` / `arena chat`: the interactive REPL (or, with piped input, a session read from it);
/// with a prompt argument, that prompt asked once (`OneShot`).
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Open the REPL: every line goes to both models (the default command); with a PROMPT, ask it once.",
        discussion: """
            arena "PROMPT" asks both models PROMPT once, prints both answers and exits (0 when \
            both answered). Text piped in is added to that one prompt after a blank line: \
            cat notes.md | arena "Summarise this". Without a PROMPT, piped input is read as the \
            REPL would read typed lines: each line a question, /commands run.

            A PROMPT that is a subcommand's name (run, show, models ...) runs the subcommand; \
            to ask it, write arena -- run (options before the --) or arena chat run.
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Ask both models this once, print the answers and exit.", valueName: "prompt"))
    var prompt: String?

    @Option(name: [.customShort("m"), .customLong("model")], help: ArgumentHelp("A model: the first -m is side A, the second side B.", valueName: "name"), completion: .custom(ModelNameCompletion.candidates))
    var model: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The two models, A then B.", valueName: "A B"), completion: .custom(ModelNameCompletion.candidates))
    var models: [String] = []

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The system prompt for both sides.", valueName: "text"))
    var system: String?

    @Flag(name: .long, help: "With a PROMPT: print the answers as one JSON document (docs/json-output.md).")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Where line-editing history is kept (default: ~/.local/state/arena/history).", valueName: "file"))
    var history: String?

    @Flag(name: .long, help: "Do not keep line-editing history.")
    var noHistory = false

    @Flag(name: .long, help: "Start with a blind battle: two models drawn at random, names hidden until /vote.")
    var blind = false

    @Flag(name: .long, help: "Show the answers' raw text in the columns, without rendering their Markdown (/markdown on turns it back on).")
    var raw = false

    mutating func validate() throws {
        // `--models A B "PROMPT"`: the option takes words up to the next option, so a prompt
        // written after it arrives as its third word.
        if models.count == 3, prompt == nil { prompt = models.removeLast() }
        guard models.isEmpty || models.count == 2 else {
            throw ValidationError("--models: expected two model names, got \(models.count)")
        }
        guard model.count <= 2 else { throw ValidationError("-m/--model: give it at most twice (side A, then side B), got \(model.count)") }
        guard model.isEmpty || models.isEmpty else { throw ValidationError("-m and --models both name the models: use one of them") }
        if json, prompt == nil { throw ValidationError("--json needs a PROMPT: arena \"PROMPT\" --json") }
        if blind, prompt != nil { throw ValidationError("--blind is for the REPL (a battle ends with /vote); not with a PROMPT") }
    }

    /// The pair named by `--models`, `-m`, or `--model-a`/`--model-b`.
    private func startingModels(in setup: ArenaSetup) throws -> SidePair<ModelDescriptor> {
        let named = models.isEmpty ? model : models
        return try common.models(in: setup, a: named.first, b: named.count == 2 ? named[1] : nil)
    }

    func run() async throws {
        let setup = try common.setup()
        if let prompt {
            // The models first: a wrong name fails before standard input is read (or waited for).
            let models = try startingModels(in: setup)
            let piped = OneShot.pipedInput()
            let oneShot = OneShot(setup: setup, models: models, system: system, json: json)
            oneShot.session.renderMarkdown = !raw
            installInterruptHandler(oneShot.session)
            let status = await oneShot.run(OneShot.prompt(argument: prompt, piped: piped))
            if status != 0 { throw ExitCode(status) }
            return
        }
        let session = setup.makeSession(models: try startingModels(in: setup))
        session.renderMarkdown = !raw
        if let system { session.setSystemPrompt(system, on: .both) }
        setup.discoverInBackground()
        if blind {
            do {
                try session.startBattle()
            } catch {
                throw CLIFailure(error.description)
            }
        }
        let reader: any LineReader
        var editor: LineEditor?
        if setup.stdinIsTerminal && setup.stdoutIsTerminal {
            let registry = setup.registry
            let subjects = SubjectNames(load: setup.loadMMLU)
            let completion = Completion(modelNames: { registry.descriptors.map(\.name) }, subjectNames: { subjects.names })
            let historyPath = noHistory ? nil : (history ?? XDGPaths.historyFile(environment: setup.environment))
            guard let lineEditor = LineEditor(historyPath: historyPath, completer: { completion.candidates(for: $0) }) else {
                throw ValidationError("cannot start the line editor on this terminal")
            }
            editor = lineEditor
            reader = lineEditor
            setup.console.print(session.banner)
        } else {
            reader = StandardInputReader()
        }
        let interrupter = session.interrupter
        SignalWatcher.shared.setHandler { [editor] event in
            switch event {
            case .interrupt:
                if !interrupter.interrupt() { editor?.interrupt() }
            case .terminate(let signal):
                // Like Ctrl-C: the turn stops and its partial answers are recorded; the
                // interrupter then exits. At the prompt there is nothing to keep.
                if !interrupter.interrupt() { SignalWatcher.exitNow(status: 128 + signal) }
            case .resize:
                Renderers.resizeCurrent()
                editor?.noteResize()
            }
        }
        let repl = REPL(session: session, reader: reader, sourceName: "stdin", interactive: setup.stdinIsTerminal)
        let status = await repl.run()
        session.recorder?.close()
        if setup.stdinIsTerminal, let path = session.recorder?.path, session.recorder?.hasFailed == false {
            setup.console.print("transcript: \(path)")
        }
        if status != 0 { throw ExitCode(status) }
        if session.recorder?.hasFailed == true { throw ExitCode(1) }
    }
}
