/// Every slash command the REPL knows, in the order `/help` lists them: the declarations of the
/// `*Commands.swift` files, group by group.
enum CommandCatalog {
    public static let all: [CommandDefinition] =
        CommandDefinition.modelCommands + CommandDefinition.settingCommands + CommandDefinition.conversationCommands
        + CommandDefinition.displayCommands + CommandDefinition.readingCommands + CommandDefinition.mmluCommands + CommandDefinition.judgingCommands
        + CommandDefinition.transcriptCommands + CommandDefinition.sessionCommands

    /// The command called `name` (with or without the slash, any case), by its name or an alias.
    public static func definition(named name: String) -> CommandDefinition? {
        let wanted = (name.hasPrefix("/") ? name : "/" + name).lowercased()
        return all.first { $0.answers(to: wanted) }
    }

    /// The `/help` text: every command, or one in detail.
    public static func help(for name: String?) throws(CommandError) -> String {
        if let name {
            guard let definition = definition(named: name) else {
                throw CommandError("/help: no command named '\(name)'; type /help for the list")
            }
            return "\(definition.usage)\n  \(definition.summary)\n  example: \(definition.example)"
        }
        let width = all.map(\.usage.count).max() ?? 0
        var lines = ["Type a message to ask both models. Commands:"]
        for definition in all {
            lines.append("  " + definition.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + definition.summary)
        }
        lines.append("A line \"\"\" starts a multi-line message; another \"\"\" sends it. Pasted lines are sent as one message.")
        lines.append("Ctrl-C stops the answers; Ctrl-R searches history; Tab completes. /help COMMAND shows an example.")
        return lines.joined(separator: "\n")
    }
}
