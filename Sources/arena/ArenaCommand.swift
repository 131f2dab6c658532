import ArenaKit
import ArgumentParser

/// `arena`: the command line. Parses arguments and hands them to ArenaKit.
@main
struct ArenaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena",
        abstract: "Compare two language models side by side in the terminal.",
        discussion: """
            With no subcommand, arena opens its REPL: each line you type goes to both models and
            both answers stream side by side. Type /help inside for the commands.
            """,
        version: ArenaVersion.current,
        subcommands: [ChatCommand.self, RunCommand.self, ReplayCommand.self, ShowCommand.self, ExportCommand.self, MMLUCommand.self, LeaderboardCommand.self, ModelsCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}
