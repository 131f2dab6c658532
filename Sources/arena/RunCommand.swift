import Foundation
import ArenaKit
import ArgumentParser

/// `arena run FILE.arena`: runs a script unattended.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an .arena script unattended; exit status 1 if any line or /expect failed.",
        usage: "arena run [<options>] [--models <A B> ...] <file.arena>"
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The two models to run the script with; the script's own /models lines are then skipped.", valueName: "A B"), completion: .custom(ModelNameCompletion.candidates))
    var models: [String] = []

    @Flag(name: .long, help: "Print the turns and their answers as one JSON document (docs/json-output.md).")
    var json = false

    @Argument(help: ArgumentHelp("The script to run.", valueName: "file.arena"))
    var script: String

    func validate() throws {
        guard models.isEmpty || models.count == 2 else {
            throw ValidationError("--models: expected two model names, got \(models.count)")
        }
    }

    func run() async throws {
        var items: [ScriptItem]
        do {
            items = try ScriptParser.parse(contentsOf: script)
        } catch {
            throw CLIFailure(error.description)
        }
        var setup = try common.setup()
        if !models.isEmpty {
            let override = ScriptModelsOverride.apply(to: items, models: models)
            items = override.items
            for note in override.notes { setup.console.error(note) }
        }
        let report = json ? JSONReport(preparing: &setup) : nil
        let session = setup.makeSession(models: try common.models(in: setup, a: models.first, b: models.last))
        installInterruptHandler(session)
        let outcome = await session.run(items)
        session.recorder?.close()
        if let report {
            print(report.document(["script": .string(script), "failures": .number(Double(outcome.failures)), "transcript": session.recorder.flatMap(\.path).map(JSONValue.string) ?? .null]), terminator: "")
        }
        if outcome.failures > 0 {
            setup.console.error("\(script): \(outcome.failures) line\(outcome.failures == 1 ? "" : "s") failed")
            throw ExitCode(1)
        }
        if session.recorder?.hasFailed == true { throw ExitCode(1) }
    }
}

/// Ctrl-C during an unattended command stops the running turn, then the command.
func installInterruptHandler(_ session: ArenaSession) {
    let interrupter = session.interrupter
    SignalWatcher.shared.setHandler { event in
        switch event {
        case .interrupt:
            if !interrupter.interrupt() { Foundation.exit(130) }
        case .terminate(let signal):
            if !interrupter.interrupt() { SignalWatcher.exitNow(status: 128 + signal) }
        case .resize:
            Renderers.resizeCurrent()
        }
    }
}

/// A failure already described in full: printed as it is, exit status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    /// `description` is made inert (it often quotes file names, model names or text from a
    /// transcript), keeping its line breaks.
    init(_ description: String) {
        self.description = TextSanitizer.sanitize(description)
    }
}
