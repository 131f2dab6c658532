/// Turns a line typed at the prompt (or read from a script) into a ``Command``.
///
/// A line that does not start with `/` is a message. A line starting with `//` is a message
/// that starts with one `/` (for asking about paths). Anything else is read by the
/// declaration of the command it names (``CommandCatalog``).
public enum CommandParser {
    public static func parse(_ line: String) throws(CommandError) -> Command {
        guard line.hasPrefix("/") else { return .message(line) }
        if line.hasPrefix("//") { return .message(String(line.dropFirst())) }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let definition = CommandCatalog.all.first(where: { $0.answers(to: words[0].lowercased()) }) else {
            throw CommandError("unknown command \(words[0]); type /help for the list of commands")
        }
        var arguments = CommandArguments(command: definition.name, words: Array(words.dropFirst()), rest: CommandArguments.restOfLine(line))
        return try definition.parse(&arguments)
    }
}
