import ArenaKit
import ArgumentParser

/// `arena`: the command line. Parses arguments and hands them to ArenaKit.
@main
struct ArenaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena",
        abstract: "Compare two language models side by side in the terminal.",
        discussion: """
            With no subcommand, arena opens its REPL: each line you type goes to both models and \
            both answers stream side by side. Type /help inside for the commands. Piped input is \
            read the same way: each line a message or a /command.

            arena "PROMPT" asks both models PROMPT once and exits; text piped in is added to \
            that one prompt (cat notes.md | arena "Summarise this"). -m A -m B (or --models A B) \
            and -s TEXT choose the models and a system prompt; --json prints the answers as \
            JSON. See arena chat --help.
            """,
        version: ArenaVersion.current,
        subcommands: [ChatCommand.self, RunCommand.self, ReplayCommand.self, ShowCommand.self, ExportCommand.self, MMLUCommand.self, LeaderboardCommand.self, JudgeCommand.self, ModelsCommand.self],
        defaultSubcommand: ChatCommand.self
    )

    /// Answers a lone `--version` before the argument parser runs (it scans every loaded
    /// library, which costs more than the answer); everything else goes through it.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(ArenaVersion.current)
            return
        }
        if BashCompletion.isRequested(by: arguments) {
            print(BashCompletion.script(), terminator: "")
            return
        }
        MemoryTuning.apply()
        SignalWatcher.unblockHandledSignals()
        TerminalDevice.recordInitialState()
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
