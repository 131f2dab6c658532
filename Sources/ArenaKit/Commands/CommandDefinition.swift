/// What kind of argument a command takes next, for tab completion.
enum ArgumentKind: Sendable, Hashable {
    case none
    case model
    case sideThenModel
    case side
    case onOff
    case command
    case file
    /// `md` or `html`, then a file (`/export`).
    case formatThenFile
    case value
    case subject
    case verdict
    /// `score`, `auto` or a model; after `auto`, a model or `off` (`/judge`).
    case judge
    /// `columns`, `merged` or `inline` (`/diff`).
    case diffView
    /// An MMLU split: `dev`, `val` or `test` (`/random`).
    case split
}

/// One slash command, declared once: how it is written (name, aliases, usage), what `/help`
/// says about it (summary, example), what Tab offers for its arguments, how its arguments are
/// read into a ``Command``, and what it does to the session.
///
/// `/help`, completion, parsing and execution all read these declarations, so they cannot
/// drift apart. The declarations live in the `*Commands.swift` files of this folder, one
/// group per file; ``CommandCatalog/all`` lists the groups.
struct CommandDefinition: Sendable {
    public let name: String
    /// Other spellings that parse the same (`/temperature` for `/temp`).
    let aliases: [String]
    public let usage: String
    public let summary: String
    let example: String
    /// What Tab completes after the command's name.
    public let argument: ArgumentKind
    /// Reads the arguments.
    let parse: @Sendable (inout CommandArguments) throws(CommandError) -> Command
    /// Carries the command out when it is this definition's; `nil` when it is another's.
    /// Returns false when the session should end.
    let run: @Sendable (ArenaSession, Command) async throws(CommandError) -> Bool?

    init(
        _ name: String,
        aliases: [String] = [],
        usage: String,
        summary: String,
        example: String,
        argument: ArgumentKind = .none,
        parse: @escaping @Sendable (inout CommandArguments) throws(CommandError) -> Command,
        run: @escaping @Sendable (ArenaSession, Command) async throws(CommandError) -> Bool?
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.example = example
        self.argument = argument
        self.parse = parse
        self.run = run
    }

    /// Whether `name` (lowercased, with its slash) is this command.
    func answers(to name: String) -> Bool {
        name == self.name || aliases.contains(name)
    }
}
