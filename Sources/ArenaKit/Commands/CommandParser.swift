/// Turns a line typed at the prompt (or read from a script) into a ``Command``.
///
/// A line that does not start with `/` is a message. A line starting with `//` is a message
/// that starts with one `/` (for asking about paths). Errors say what was expected, in the
/// words of the command's usage line.
public enum CommandParser {
    public static func parse(_ line: String) throws(CommandError) -> Command {
        guard line.hasPrefix("/") else { return .message(line) }
        if line.hasPrefix("//") { return .message(String(line.dropFirst())) }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let name = words[0].lowercased()
        var arguments = Array(words.dropFirst())
        let rest = restOfLine(line)

        switch name {
        case "/models":
            if arguments.isEmpty { return .listModels }
            guard arguments.count == 2 else { throw usageError("/models", got: rest) }
            return .setModels(a: arguments[0], b: arguments[1])
        case "/model":
            guard arguments.count == 2, let side = Side(rawValue: arguments[0].lowercased()) else {
                throw usageError("/model", got: rest)
            }
            return .setModel(side, arguments[1])
        case "/temp", "/temperature":
            let selection = takeSide(&arguments)
            return .setting(.temperature(try number(arguments, "/temp", in: 0...2)), selection)
        case "/max-tokens", "/max_tokens":
            let selection = takeSide(&arguments)
            return .setting(.maxTokens(try integer(arguments, "/max-tokens", in: 1...10_000_000)), selection)
        case "/top-p", "/top_p":
            let selection = takeSide(&arguments)
            let value = try number(arguments, "/top-p", in: 0...1)
            if value == 0 { throw CommandError("/top-p: expected a number above 0 and at most 1, got '0'") }
            return .setting(.topP(value), selection)
        case "/seed":
            let selection = takeSide(&arguments)
            return .setting(.seed(try integer(arguments, "/seed", in: Int(Int32.min)...Int(Int32.max))), selection)
        case "/stop":
            let selection = takeSide(&arguments)
            guard !arguments.isEmpty else { throw usageError("/stop", got: rest) }
            if arguments == ["default"] || arguments == ["off"] { return .setting(.stop(nil), selection) }
            return .setting(.stop(arguments.map(unescape)), selection)
        case "/system":
            if arguments.isEmpty { return .showSystem }
            var selection = SideSelection.both
            var text = rest
            if let side = Side(rawValue: arguments[0].lowercased()) {
                selection = .only(side)
                text = restOfLine(text)
                if text.isEmpty { throw CommandError("/system: expected TEXT or off after '\(arguments[0])'; usage: /system [a|b] [TEXT|off]") }
            }
            return .system(text == "off" ? nil : text, selection)
        case "/settings":
            try noArguments(arguments, "/settings")
            return .settings
        case "/retry":
            switch arguments.map({ $0.lowercased() }) {
            case []: return .retry(.both)
            case ["a"]: return .retry(.only(.a))
            case ["b"]: return .retry(.only(.b))
            default: throw usageError("/retry", got: rest)
            }
        case "/clear":
            try noArguments(arguments, "/clear")
            return .clear
        case "/swap":
            try noArguments(arguments, "/swap")
            return .swap
        case "/pace":
            guard arguments.count == 1, let value = Double(arguments[0]), value >= 0, value.isFinite else {
                throw usageError("/pace", got: rest, expected: "a number of words per second, 0 or more")
            }
            return .pace(value)
        case "/think":
            switch arguments.map({ $0.lowercased() }) {
            case ["on"]: return .think(true)
            case ["off"]: return .think(false)
            default: throw usageError("/think", got: rest, expected: "on or off")
            }
        case "/save", "/load", "/replay", "/run":
            guard !rest.isEmpty else { throw usageError(name, got: "") }
            let path = expandHome(rest)
            switch name {
            case "/save": return .save(path)
            case "/load": return .load(path)
            case "/replay": return .replay(path)
            default: return .run(path)
            }
        case "/export":
            guard arguments.count >= 2, let format = ExportFormat(rawValue: arguments[0].lowercased() == "markdown" ? "md" : arguments[0].lowercased()) else {
                throw usageError("/export", got: rest)
            }
            return .export(format, expandHome(restOfLine(rest)))
        case "/expect":
            do {
                return .expect(try ScriptExpectation(parsing: rest))
            } catch {
                throw CommandError("/expect: \(error); usage: /expect a|b|both contains|not-contains|matches TEXT, or /expect a|b|both finished")
            }
        case "/subject", "/subjects":
            guard arguments.count <= 1 else { throw usageError("/subject", got: rest) }
            return .subject(arguments.first)
        case "/examples":
            guard arguments.count <= 1 else { throw usageError("/examples", got: rest) }
            if let word = arguments.first {
                guard let count = Int(word), (1...100).contains(count) else {
                    throw CommandError("/examples: expected a number of questions from 1 to 100, got '\(word)'")
                }
                return .examples(count)
            }
            return .examples(nil)
        case "/random":
            try noArguments(arguments, "/random")
            return .random
        case "/ask":
            guard arguments.count == 1, let number = Int(arguments[0]), number >= 1 else {
                throw usageError("/ask", got: rest, expected: "the number of a question from /subject or /examples")
            }
            return .ask(number)
        case "/score":
            try noArguments(arguments, "/score")
            return .score
        case "/vote":
            guard arguments.count == 1, let verdict = TranscriptEvent.Verdict(rawValue: arguments[0].lowercased()) else {
                throw usageError("/vote", got: rest, expected: "a, b, tie or bad")
            }
            return .vote(verdict)
        case "/adopt":
            guard arguments.count == 1, let side = Side(rawValue: arguments[0].lowercased()) else {
                throw usageError("/adopt", got: rest, expected: "a or b")
            }
            return .adopt(side)
        case "/diff":
            try noArguments(arguments, "/diff")
            return .diff
        case "/battle":
            try noArguments(arguments, "/battle")
            return .battle
        case "/stats":
            try noArguments(arguments, "/stats")
            return .stats
        case "/leaderboard":
            switch arguments.map({ $0.lowercased() }) {
            case []: return .leaderboard(includeNamed: false)
            case ["all"]: return .leaderboard(includeNamed: true)
            default: throw usageError("/leaderboard", got: rest, expected: "nothing, or all")
            }
        case "/help", "/?":
            guard arguments.count <= 1 else { throw usageError("/help", got: rest) }
            return .help(arguments.first)
        case "/quit", "/exit", "/q":
            return .quit
        default:
            throw CommandError("unknown command \(words[0]); type /help for the list of commands")
        }
    }

    /// Removes a leading `a` or `b` from the arguments and returns the selection it names.
    private static func takeSide(_ arguments: inout [String]) -> SideSelection {
        if arguments.count >= 2, let side = Side(rawValue: arguments[0].lowercased()) {
            arguments.removeFirst()
            return .only(side)
        }
        return .both
    }

    private static func number(_ arguments: [String], _ command: String, in range: ClosedRange<Double>) throws(CommandError) -> Double? {
        guard arguments.count == 1 else {
            throw usageError(command, got: arguments.joined(separator: " "))
        }
        if arguments[0] == "default" { return nil }
        guard let value = Double(arguments[0]), value.isFinite, range.contains(value) else {
            throw CommandError("\(command): expected a number from \(format(range.lowerBound)) to \(format(range.upperBound)) or 'default', got '\(arguments[0])'")
        }
        return value
    }

    private static func integer(_ arguments: [String], _ command: String, in range: ClosedRange<Int>) throws(CommandError) -> Int? {
        guard arguments.count == 1 else {
            throw usageError(command, got: arguments.joined(separator: " "))
        }
        if arguments[0] == "default" { return nil }
        guard let value = Int(arguments[0]), range.contains(value) else {
            throw CommandError("\(command): expected a whole number from \(range.lowerBound) to \(range.upperBound) or 'default', got '\(arguments[0])'")
        }
        return value
    }

    private static func noArguments(_ arguments: [String], _ command: String) throws(CommandError) {
        guard arguments.isEmpty else {
            throw CommandError("\(command) takes no arguments, got '\(arguments.joined(separator: " "))'")
        }
    }

    private static func usageError(_ command: String, got: String, expected: String? = nil) -> CommandError {
        let usage = CommandCatalog.spec(named: command)?.usage ?? command
        let what = expected.map { "expected \($0)" } ?? "usage: \(usage)"
        return CommandError(got.isEmpty ? "\(command): \(what)" : "\(command): \(what), got '\(got)'")
    }

    /// The line after its first word, without the spaces that separate them.
    private static func restOfLine(_ line: String) -> String {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return "" }
        return String(line[space...].drop(while: { $0 == " " || $0 == "\t" }))
    }

    private static func expandHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return XDGPaths.home + path.dropFirst()
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "s": result.append(" ")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
