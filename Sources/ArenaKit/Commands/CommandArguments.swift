import Foundation

/// The words after a command's name, with the readers every command's parser shares. Errors
/// say what was expected, in the words of the command's usage line.
struct CommandArguments {
    /// The command's name as declared (`/temp`, also when typed `/temperature`).
    let command: String
    /// The words after the name.
    var words: [String]
    /// The line after the name, spacing kept.
    let rest: String

    /// Removes a leading `a` or `b` (when more words follow) and returns the selection it names.
    mutating func takeSide() -> SideSelection {
        if words.count >= 2, let side = Side(rawValue: words[0].lowercased()) {
            words.removeFirst()
            return .only(side)
        }
        return .both
    }

    /// The words, lowercased.
    var lowercased: [String] { words.map { $0.lowercased() } }

    /// One number in `range`, or `nil` for `default`.
    func number(in range: ClosedRange<Double>) throws(CommandError) -> Double? {
        guard words.count == 1 else { throw usageError(got: words.joined(separator: " ")) }
        if words[0] == "default" { return nil }
        guard let value = Double(words[0]), value.isFinite, range.contains(value) else {
            throw CommandError("\(command): expected a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)) or 'default', got '\(words[0])'")
        }
        return value
    }

    /// One whole number in `range`, or `nil` for `default`.
    func integer(in range: ClosedRange<Int>) throws(CommandError) -> Int? {
        guard words.count == 1 else { throw usageError(got: words.joined(separator: " ")) }
        if words[0] == "default" { return nil }
        guard let value = Int(words[0]), range.contains(value) else {
            throw CommandError("\(command): expected a whole number from \(range.lowerBound) to \(range.upperBound) or 'default', got '\(words[0])'")
        }
        return value
    }

    /// Fails unless there are no arguments.
    func none() throws(CommandError) {
        guard words.isEmpty else {
            throw CommandError("\(command) takes no arguments, got '\(words.joined(separator: " "))'")
        }
    }

    /// The error for arguments that do not fit: the usage line, or what was `expected`.
    func usageError(got: String? = nil, expected: String? = nil) -> CommandError {
        let got = got ?? rest
        let usage = CommandCatalog.definition(named: command)?.usage ?? command
        let what = expected.map { "expected \($0)" } ?? "usage: \(usage)"
        return CommandError(got.isEmpty ? "\(command): \(what)" : "\(command): \(what), got '\(got)'")
    }

    /// The rest of the line as a path, `~` standing for the home directory.
    var path: String { Self.expandHome(rest) }

    /// The line after its first word, without the spaces that separate them.
    static func restOfLine(_ line: String) -> String {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return "" }
        return String(line[space...].drop(while: { $0 == " " || $0 == "\t" }))
    }

    static func expandHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return XDGPaths.home + path.dropFirst()
    }

    /// `\n`, `\t` and `\s` as newline, tab and space (for `/stop`).
    static func unescape(_ text: String) -> String {
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
