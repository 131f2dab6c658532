import Foundation

/// Reads `.env` files: `NAME=value` lines, with optional `export `, single or double quotes
/// (double-quoted values understand `\n`, `\t`, `\"` and `\\`), `#` comments and blank lines.
///
/// A `.env` is anyone's file (a cloned repository's), so what arena takes from it is limited:
/// see ``ConfigEnvironment``.
public enum DotEnv {
    /// One variable of a `.env` file and the 1-based line it stands on.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: String
        public var line: Int
    }

    /// The variables in `text`, in order.
    public static func parse(_ text: String) -> [Entry] {
        var result: [Entry] = []
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { continue }
            result.append(Entry(name: name, value: value(of: line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)), line: number))
        }
        return result
    }

    private static func value(of raw: String) -> String {
        if raw.hasPrefix("\""), let end = closingQuote(in: raw) {
            var value = ""
            var escaping = false
            for character in raw[raw.index(after: raw.startIndex)..<end] {
                if escaping {
                    switch character {
                    case "n": value.append("\n")
                    case "t": value.append("\t")
                    default: value.append(character)
                    }
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    value.append(character)
                }
            }
            return value
        }
        if raw.hasPrefix("'"), raw.count >= 2, let end = raw.dropFirst().firstIndex(of: "'") {
            return String(raw[raw.index(after: raw.startIndex)..<end])
        }
        // Unquoted: an inline comment starts at " #".
        if let comment = raw.range(of: " #") { return raw[..<comment.lowerBound].trimmingCharacters(in: .whitespaces) }
        return raw
    }

    private static func closingQuote(in raw: String) -> String.Index? {
        var index = raw.index(after: raw.startIndex)
        var escaping = false
        while index < raw.endIndex {
            let character = raw[index]
            if escaping { escaping = false } else if character == "\\" { escaping = true } else if character == "\"" { return index }
            index = raw.index(after: index)
        }
        return nil
    }

    /// The entries of the `.env` file in `directory`, with the file's path; nil when there is
    /// no such regular file (a FIFO or a device is never read).
    static func load(fromDirectory directory: String) -> (path: String, entries: [Entry])? {
        let path = (directory as NSString).appendingPathComponent(".env")
        guard FileKind(path: path) == .regular, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return (path, parse(text))
    }
}
