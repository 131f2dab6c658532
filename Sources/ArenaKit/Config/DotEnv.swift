import Foundation

/// Reads `.env` files: `NAME=value` lines, with optional `export `, single or double quotes
/// (double-quoted values understand `\n`, `\t`, `\"` and `\\`), `#` comments and blank lines.
public enum DotEnv {
    /// The variables in `text`, in order.
    public static func parse(_ text: String) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { continue }
            result.append((name, value(of: line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))))
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

    /// `environment` with the variables of the `.env` file in `directory` added; variables
    /// already in `environment` are never overridden. A missing file changes nothing.
    public static func merged(_ environment: [String: String], withFileIn directory: String) -> [String: String] {
        let path = (directory as NSString).appendingPathComponent(".env")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return environment }
        var merged = environment
        for (name, value) in parse(text) where merged[name] == nil {
            merged[name] = value
        }
        return merged
    }
}
