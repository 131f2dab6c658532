/// Every slash command the REPL knows, in the order `/help` lists them: the declarations of the
/// `*Commands.swift` files, group by group.
enum CommandCatalog {
    public static let all: [CommandDefinition] =
        CommandDefinition.modelCommands + CommandDefinition.settingCommands + CommandDefinition.conversationCommands
        + CommandDefinition.displayCommands + CommandDefinition.readingCommands + CommandDefinition.mmluCommands + CommandDefinition.judgingCommands
        + CommandDefinition.judgeCommands
        + CommandDefinition.transcriptCommands + CommandDefinition.clipboardCommands + CommandDefinition.sessionCommands

    /// The command called `name` (with or without the slash, any case), by its name or an alias.
    public static func definition(named name: String) -> CommandDefinition? {
        let wanted = (name.hasPrefix("/") ? name : "/" + name).lowercased()
        return all.first { $0.answers(to: wanted) }
    }

    /// The `/help` text: every command, or one in detail, wrapped at words to `width` cells
    /// (when given) with each summary hanging under its own start.
    public static func help(for name: String?, width: Int? = nil) throws(CommandError) -> String {
        if let name {
            guard let definition = definition(named: name) else {
                throw CommandError("/help: no command named '\(name)'; type /help for the list")
            }
            return [
                definition.usage,
                WordWrap.row("  ", definition.summary, width: width),
                WordWrap.row("  example: ", definition.example, width: width),
            ].joined(separator: "\n")
        }
        // On a terminal the usage column is at most a third of the width; a longer usage has
        // its summary on the lines below, in the summaries' column.
        let longest = all.map(\.usage.count).max() ?? 0
        let usageWidth = width.map { min(longest, max(16, $0 / 3)) } ?? longest
        let summaryColumn = String(repeating: " ", count: usageWidth + 4)
        var lines = [WordWrap.row("", "Type a message to ask both models. Commands:", width: width)]
        for definition in all {
            if definition.usage.count > usageWidth, let width {
                lines.append("  " + definition.usage)
                lines.append(WordWrap.row(summaryColumn, definition.summary, width: width))
                continue
            }
            let lead = "  " + definition.usage.padding(toLength: usageWidth, withPad: " ", startingAt: 0) + "  "
            lines.append(WordWrap.row(lead, definition.summary, width: width))
        }
        lines.append(WordWrap.row("", "A line \"\"\" starts a multi-line message; another \"\"\" sends it. Pasted lines are sent as one message.", width: width))
        lines.append(WordWrap.row("", "Ctrl-C stops the answers; Ctrl-R searches history; Tab completes. /help COMMAND shows an example.", width: width))
        return lines.joined(separator: "\n")
    }
}
