import Foundation

/// Reads `.env` files the way python-dotenv (1.x) does, so that a `.env` written for the Azure
/// AI notebook or any Python project means the same to arena: `export ` prefixes, keys with
/// spaces around `=`, single quotes literal (but `\'` and `\\`), double quotes with escapes,
/// quoted values over several lines, `a=b #c` comments (a `#` inside quotes or not after
/// whitespace is kept), and `${VAR}` / `${VAR:-default}` expanded from the process environment
/// first, then the file's earlier variables (python-dotenv's `load_dotenv()` order).
/// ``DotEnvScanner`` holds the syntax.
///
/// A `.env` is anyone's file (a cloned repository's), so what arena takes from it is limited:
/// see ``ConfigEnvironment``.
public enum DotEnv {
    /// One variable of a `.env` file and the 1-based line its name stands on.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: String
        public var line: Int
        /// The process-environment variables the value drew on through `${VAR}` (directly or
        /// through an earlier variable of the file), sorted. A value that draws on any is partly
        /// the user's own: it may be one of the user's secrets.
        public var processVariables: [String] = []
    }

    /// The variables in `text`, in order, with `${VAR}` expanded against `process` (the process
    /// environment) and the file's earlier variables. A bare `NAME` line defines nothing.
    public static func parse(_ text: String, process: [String: String] = [:]) -> [Entry] {
        var scanner = DotEnvScanner(text)
        // What each name expands to so far: the file's latest value (nil for a bare `NAME`) and
        // the process variables that value drew on.
        var defined: [String: (value: String?, processVariables: Set<String>)] = [:]
        var entries: [Entry] = []
        for binding in scanner.bindings() {
            guard let raw = binding.value else {
                defined[binding.key] = (nil, [])
                continue
            }
            var drawn: Set<String> = []
            let value = expand(raw) { name in
                if let own = process[name] {
                    drawn.insert(name)
                    return own
                }
                guard let earlier = defined[name] else { return nil }
                drawn.formUnion(earlier.processVariables)
                return earlier.value ?? ""
            }
            defined[binding.key] = (value, drawn)
            entries.append(Entry(name: binding.key, value: value, line: binding.line, processVariables: drawn.sorted()))
        }
        return entries
    }

    /// `raw` with each `${NAME}` or `${NAME:-default}` replaced by `lookup(NAME)`, else the
    /// default, else nothing. As python-dotenv: NAME holds no `}` or `:`, the default no `}`;
    /// text that does not match is kept as written.
    static func expand(_ raw: String, lookup: (String) -> String?) -> String {
        let scalars = Array(raw.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "$", index + 1 < scalars.count, scalars[index + 1] == "{",
               let reference = reference(in: scalars, from: index + 2) {
                let name = String(String.UnicodeScalarView(scalars[reference.name]))
                let value = lookup(name) ?? reference.fallback.map { String(String.UnicodeScalarView(scalars[$0])) } ?? ""
                result.append(contentsOf: value.unicodeScalars)
                index = reference.end
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The name, optional default and end (past `}`) of a reference whose name starts at `start`.
    private static func reference(in scalars: [Unicode.Scalar], from start: Int) -> (name: Range<Int>, fallback: Range<Int>?, end: Int)? {
        var index = start
        while index < scalars.count, scalars[index] != "}", scalars[index] != ":" { index += 1 }
        let name = start..<index
        guard index < scalars.count else { return nil }
        if scalars[index] == "}" { return (name, nil, index + 1) }
        guard index + 1 < scalars.count, scalars[index + 1] == "-" else { return nil }
        let fallbackStart = index + 2
        guard let close = scalars[fallbackStart...].firstIndex(of: "}") else { return nil }
        return (name, fallbackStart..<close, close + 1)
    }

    /// The entries of the `.env` file in `directory`, with the file's path; nil when there is
    /// no such regular file (a FIFO or a device is never read).
    static func load(fromDirectory directory: String, process: [String: String]) -> (path: String, entries: [Entry])? {
        let path = (directory as NSString).appendingPathComponent(".env")
        guard FileKind(path: path) == .regular, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return (path, parse(text, process: process))
    }
}
