import ArenaKit
import ArgumentParser

/// `arena` / `arena chat`: the interactive REPL (or, with piped input, a session read from it).
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Open the REPL: every line goes to both models (the default command)."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Where line-editing history is kept (default: ~/.local/state/arena/history).", valueName: "file"))
    var history: String?

    @Flag(name: .long, help: "Do not keep line-editing history.")
    var noHistory = false

    @Flag(name: .long, help: "Start with a blind battle: two models drawn at random, names hidden until /vote.")
    var blind = false

    @Flag(name: .long, help: "Show the answers' raw text in the columns, without rendering their Markdown (/markdown on turns it back on).")
    var raw = false

    func run() async throws {
        let setup = try common.setup()
        let session = setup.makeSession(models: try common.models(in: setup))
        session.renderMarkdown = !raw
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
