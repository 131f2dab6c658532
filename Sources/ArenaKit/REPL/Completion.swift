import Foundation

/// Tab completion for the REPL: commands, model names, sides and command arguments.
public struct Completion: Sendable {
    /// The model names to offer, looked up when Tab is pressed.
    public var modelNames: @Sendable () -> [String]
    /// The MMLU subject names to offer.
    public var subjectNames: @Sendable () -> [String]

    public init(modelNames: @escaping @Sendable () -> [String], subjectNames: @escaping @Sendable () -> [String] = { [] }) {
        self.modelNames = modelNames
        self.subjectNames = subjectNames
    }

    /// The candidates for the last word of `text` (the text before the cursor).
    public func candidates(for text: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        if words.count == 1 {
            guard current.hasPrefix("/") else { return [] }
            return CommandCatalog.all.map(\.name).filter { $0.hasPrefix(current) }
        }
        guard let definition = CommandCatalog.definition(named: words[0].lowercased()) else { return [] }
        let position = words.count - 2
        let previous = words.dropFirst().dropLast().filter { !$0.isEmpty }
        let options: [String]
        switch definition.argument {
        case .none, .value:
            options = []
        case .file:
            return Self.paths(matching: current)
        case .formatThenFile:
            return position >= 1 ? Self.paths(matching: current) : ["html", "md"].filter { $0.hasPrefix(current) }
        case .model:
            options = position < 2 ? modelNames() : []
        case .sideThenModel:
            options = position == 0 ? ["a", "b"] : (position == 1 ? modelNames() : [])
        case .side:
            options = previous.isEmpty ? ["a", "b"] : []
        case .verdict:
            options = position == 0 ? ["a", "b", "bad", "tie"] : []
        case .judge:
            let mode = previous.first?.lowercased()
            switch position {
            case 0: options = ["auto", "score"] + modelNames()
            case 1 where mode == "auto": options = ["off"] + modelNames()
            case 1 where mode == "score": options = modelNames()
            default: options = []
            }
        case .subject:
            options = position == 0 ? subjectNames() + ["all"] : []
        case .onOff:
            options = position == 0 ? ["on", "off"] : []
        case .diffView:
            options = position == 0 ? ["columns", "inline", "merged"] : []
        case .split:
            options = position == 0 ? MMLUSplit.allCases.map(\.rawValue) : []
        case .command:
            options = position == 0 ? CommandCatalog.all.map { String($0.name.dropFirst()) } : []
        }
        return options.filter { $0.hasPrefix(current) }.sorted()
    }

    /// Files and folders whose path starts with `prefix` (folders end with `/`).
    static func paths(matching prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let expanded = directory.hasPrefix("~/") ? XDGPaths.home + directory.dropFirst() : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded) else { return [] }
        return names.filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (expanded.isEmpty ? "" : expanded) + name, isDirectory: &isDirectory)
            return directory + name + (isDirectory.boolValue ? "/" : "")
        }
    }

    /// The longest prefix shared by every candidate.
    public static func commonPrefix(of candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates laid out in columns for a terminal `width` cells wide.
    public static func columns(_ candidates: [String], width: Int) -> String {
        let cell = (candidates.map { DisplayWidth.of(TextSanitizer.sanitizeLine($0)) }.max() ?? 0) + 2
        let perRow = max(1, (width - 1) / cell)
        var lines: [String] = []
        var row = ""
        for (index, candidate) in candidates.enumerated() {
            let clean = TextSanitizer.sanitizeLine(candidate)
            row += clean + String(repeating: " ", count: cell - DisplayWidth.of(clean))
            if (index + 1) % perRow == 0 {
                lines.append(row)
                row = ""
            }
        }
        if !row.isEmpty { lines.append(row) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
