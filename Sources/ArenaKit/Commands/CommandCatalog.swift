import Foundation

/// What kind of argument a command takes next, for tab completion.
public enum ArgumentKind: Sendable, Hashable {
    case none
    case model
    case sideThenModel
    case side
    case onOff
    case command
    case file
    case value
    case subject
    case verdict
}

/// The documentation of one slash command: how it is written, what it does, an example.
public struct CommandSpec: Sendable, Hashable {
    public var name: String
    public var usage: String
    public var summary: String
    public var example: String
    public var argument: ArgumentKind

    public init(_ name: String, usage: String, summary: String, example: String, argument: ArgumentKind = .none) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.example = example
        self.argument = argument
    }
}

/// Every slash command the REPL knows, in the order `/help` lists them.
public enum CommandCatalog {
    public static let all: [CommandSpec] = [
        CommandSpec("/models", usage: "/models [A B]",
                    summary: "List every model with its provider, or put model A on side A and model B on side B.",
                    example: "/models echo scribe", argument: .model),
        CommandSpec("/model", usage: "/model a|b NAME",
                    summary: "Change one side's model; that side starts afresh.",
                    example: "/model b scribe", argument: .sideThenModel),
        CommandSpec("/temp", usage: "/temp [a|b] VALUE|default",
                    summary: "Set the sampling temperature (0 to 2) on both sides, or on the side named.",
                    example: "/temp b 0.2", argument: .side),
        CommandSpec("/max-tokens", usage: "/max-tokens [a|b] N|default",
                    summary: "Limit the length of answers, in tokens.",
                    example: "/max-tokens 200", argument: .side),
        CommandSpec("/top-p", usage: "/top-p [a|b] VALUE|default",
                    summary: "Set nucleus sampling (above 0, at most 1).",
                    example: "/top-p a 0.9", argument: .side),
        CommandSpec("/seed", usage: "/seed [a|b] N|default",
                    summary: "Set the sampling seed, for providers that honour one.",
                    example: "/seed 42", argument: .side),
        CommandSpec("/stop", usage: "/stop [a|b] SEQUENCE...|default",
                    summary: "Set stop sequences (separated by spaces; \\n, \\t and \\s stand for newline, tab and space).",
                    example: "/stop \\n\\n", argument: .side),
        CommandSpec("/system", usage: "/system [a|b] [TEXT|off]",
                    summary: "Set the system prompt (both sides unless one is named), clear it with off, or show it.",
                    example: "/system a You answer in one sentence.", argument: .side),
        CommandSpec("/settings", usage: "/settings",
                    summary: "Show the models, settings and system prompts in effect, per side.",
                    example: "/settings"),
        CommandSpec("/retry", usage: "/retry [a|b]",
                    summary: "Ask the last question again, on both sides or the side named.",
                    example: "/retry b", argument: .side),
        CommandSpec("/clear", usage: "/clear",
                    summary: "Forget both conversations; models and settings stay.",
                    example: "/clear"),
        CommandSpec("/swap", usage: "/swap",
                    summary: "Exchange the sides: models, settings and conversations.",
                    example: "/swap"),
        CommandSpec("/pace", usage: "/pace WORDS-PER-SECOND",
                    summary: "Set how fast the built-in models write (0 means as fast as possible).",
                    example: "/pace 60", argument: .value),
        CommandSpec("/think", usage: "/think on|off",
                    summary: "Show or hide the models' reasoning text (shown dimmed).",
                    example: "/think off", argument: .onOff),
        CommandSpec("/subject", usage: "/subject [NAME|all]",
                    summary: "List the MMLU subjects with their question counts, or pick one and show its first five questions.",
                    example: "/subject astronomy", argument: .subject),
        CommandSpec("/examples", usage: "/examples [N]",
                    summary: "Show N random questions (default 5) from the subject picked, or from all subjects.",
                    example: "/examples 3", argument: .value),
        CommandSpec("/random", usage: "/random",
                    summary: "Put a random question on the prompt line, to edit or send (sent unchanged, it is graded).",
                    example: "/random"),
        CommandSpec("/ask", usage: "/ask N",
                    summary: "Send question N of the last list with its choices; both answers are graded.",
                    example: "/ask 2", argument: .value),
        CommandSpec("/score", usage: "/score",
                    summary: "Show the MMLU score of each side so far.",
                    example: "/score"),
        CommandSpec("/vote", usage: "/vote a|b|tie|bad",
                    summary: "Judge the last turn; in a blind battle this reveals the two models.",
                    example: "/vote a", argument: .verdict),
        CommandSpec("/adopt", usage: "/adopt a|b",
                    summary: "Copy that side's last answer into the other side's history, so both go on from it.",
                    example: "/adopt b", argument: .side),
        CommandSpec("/diff", usage: "/diff",
                    summary: "Show a word-level diff of the last two answers (A's words struck, B's added).",
                    example: "/diff"),
        CommandSpec("/battle", usage: "/battle",
                    summary: "Start a blind battle: two models drawn at random, shown as Model A and Model B until you vote.",
                    example: "/battle"),
        CommandSpec("/stats", usage: "/stats",
                    summary: "Per model this session: turns, wins, time to first token and tokens/s (mean, p50, p95), tokens, cost.",
                    example: "/stats"),
        CommandSpec("/leaderboard", usage: "/leaderboard [all]",
                    summary: "Ratings from the votes in every transcript (anonymous votes; all adds named ones).",
                    example: "/leaderboard"),
        CommandSpec("/save", usage: "/save PATH",
                    summary: "Write the session so far to a transcript file (JSON Lines).",
                    example: "/save ~/sky.jsonl", argument: .file),
        CommandSpec("/load", usage: "/load PATH",
                    summary: "Restore a transcript's conversations, models and settings, and continue from there.",
                    example: "/load ~/sky.jsonl", argument: .file),
        CommandSpec("/export", usage: "/export md|html PATH",
                    summary: "Write the session as Markdown or as a self-contained HTML page, answers side by side.",
                    example: "/export html sky.html", argument: .file),
        CommandSpec("/replay", usage: "/replay FILE",
                    summary: "Ask every question of a transcript again, with its settings, against the current models.",
                    example: "/replay transcripts/examples/capitals.jsonl", argument: .file),
        CommandSpec("/run", usage: "/run FILE",
                    summary: "Run an .arena script: messages, commands and /expect checks.",
                    example: "/run transcripts/examples/smoke.arena", argument: .file),
        CommandSpec("/expect", usage: "/expect a|b|both contains|not-contains|matches|finished [TEXT]",
                    summary: "Check the last answers; a failed check is an error (scripts exit non-zero).",
                    example: "/expect a contains Paris", argument: .side),
        CommandSpec("/help", usage: "/help [COMMAND]",
                    summary: "List the commands, or explain one.",
                    example: "/help temp", argument: .command),
        CommandSpec("/quit", usage: "/quit",
                    summary: "Leave arena (Ctrl-D does the same).",
                    example: "/quit"),
    ]

    /// The spec of `name` (with or without the slash), if there is one.
    public static func spec(named name: String) -> CommandSpec? {
        let wanted = name.hasPrefix("/") ? name : "/" + name
        return all.first { $0.name == wanted } ?? (wanted == "/exit" ? spec(named: "/quit") : nil)
    }

    /// The `/help` text: every command, or one in detail.
    public static func help(for name: String?) throws(CommandError) -> String {
        if let name {
            guard let spec = spec(named: name) else {
                throw CommandError("/help: no command named '\(name)'; type /help for the list")
            }
            return "\(spec.usage)\n  \(spec.summary)\n  example: \(spec.example)"
        }
        let width = all.map(\.usage.count).max() ?? 0
        var lines = ["Type a message to ask both models. Commands:"]
        for spec in all {
            lines.append("  " + spec.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + spec.summary)
        }
        lines.append("A line \"\"\" starts a multi-line message; another \"\"\" sends it. Pasted lines are sent as one message.")
        lines.append("Ctrl-C stops the answers; Ctrl-R searches history; Tab completes. /help COMMAND shows an example.")
        return lines.joined(separator: "\n")
    }
}
