import ArenaKit
import ArgumentParser
import Foundation

/// `arena`: the command line. Parses arguments and wires ArenaKit's pieces together.
@main
struct ArenaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena",
        abstract: "Compare two language models side by side in the terminal.",
        discussion: """
            With no subcommand, arena opens its REPL: each line you type goes to both models and
            both answers stream side by side. Type /help inside for the commands.
            """,
        version: ArenaVersion.current
    )

    @Option(name: .long, help: ArgumentHelp("The model on side A.", valueName: "name"))
    var modelA: String?

    @Option(name: .long, help: ArgumentHelp("The model on side B.", valueName: "name"))
    var modelB: String?

    @Option(name: .long, help: ArgumentHelp("Words per second for the built-in models (0: as fast as possible).", valueName: "wps"))
    var pace: Double?

    @Option(name: .long, help: ArgumentHelp("Where line-editing history is kept.", valueName: "file"))
    var history: String?

    @Flag(name: .long, help: "Do not keep line-editing history.")
    var noHistory = false

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let paceValue = pace ?? environment["ARENA_PACE"].flatMap(Double.init) ?? BuiltInPace.defaultWordsPerSecond
        guard paceValue >= 0, paceValue.isFinite else {
            throw ValidationError("--pace: expected a number of words per second, 0 or more")
        }
        let builtInPace = BuiltInPace(wordsPerSecond: paceValue)
        let registry = ModelRegistry.builtIn(pace: builtInPace)

        let stdinIsTerminal = TerminalDevice.isTerminal(0)
        let stdoutIsTerminal = TerminalDevice.isTerminal(1)
        let style = TerminalStyle.detect(environment: environment, isTerminal: stdoutIsTerminal)
        let console = StandardConsole(style: style)

        let models: SidePair<ModelDescriptor>
        do {
            models = try ModelChoice.initialPair(registry: registry, a: modelA, b: modelB)
        } catch {
            throw ValidationError(error.description)
        }

        let session = ArenaSession(
            registry: registry,
            models: models,
            console: console,
            pace: builtInPace,
            makeRenderer: Renderers.factory(stdoutIsTerminal: stdoutIsTerminal, style: style)
        )

        let reader: any LineReader
        var editor: LineEditor?
        if stdinIsTerminal && stdoutIsTerminal {
            let completion = Completion(modelNames: { registry.descriptors.map(\.name) })
            let historyPath = noHistory ? nil : (history ?? XDGPaths.historyFile(environment: environment))
            guard let lineEditor = LineEditor(historyPath: historyPath, completer: { completion.candidates(for: $0) }) else {
                throw ValidationError("cannot start the line editor on this terminal")
            }
            editor = lineEditor
            reader = lineEditor
            console.print(session.banner)
        } else {
            reader = StandardInputReader()
        }

        let interrupter = session.interrupter
        SignalWatcher.shared.setHandler { [editor] event in
            switch event {
            case .interrupt:
                if !interrupter.interrupt() { editor?.interrupt() }
            case .resize:
                Renderers.resizeCurrent()
                editor?.noteResize()
            }
        }

        let repl = REPL(session: session, reader: reader, sourceName: "stdin", interactive: stdinIsTerminal)
        let status = await repl.run()
        if status != 0 { throw ExitCode(status) }
    }
}
