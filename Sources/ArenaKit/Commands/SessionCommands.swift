/// `/help`, `/quit`: the session itself.
extension CommandDefinition {
    static let sessionCommands: [CommandDefinition] = [
        CommandDefinition(
            "/help", aliases: ["/?"], usage: "/help [COMMAND]",
            summary: "List the commands, or explain one.",
            example: "/help temp", argument: .command,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count <= 1 else { throw arguments.usageError() }
                return .help(arguments.words.first)
            },
            run: { session, command throws(CommandError) in
                guard case .help(let name) = command else { return nil }
                session.console.print(try CommandCatalog.help(for: name, width: session.console.width))
                return true
            }),
        CommandDefinition(
            "/quit", aliases: ["/exit", "/q"], usage: "/quit",
            summary: "Leave arena (Ctrl-D does the same).",
            example: "/quit",
            parse: { _ in .quit },
            run: { _, command in command == .quit ? false : nil }),
    ]
}
