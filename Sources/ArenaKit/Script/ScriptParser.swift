import Foundation

/// Parses `.arena` scripts: the REPL's language, one step per line.
///
/// - A first line starting with `#!` (e.g. `#!/usr/bin/env -S arena run`) is ignored.
/// - Blank lines and lines whose first non-blank character is `#` are ignored.
/// - A line holding only `"""` opens a multi-line message, closed by the next line holding
///   only `"""`; the lines between are sent verbatim.
/// - `/expect ...` lines are assertions; other lines starting with `/` are commands, passed on
///   as typed for the REPL's command parser.
/// - Every other line is a message, trimmed of blanks at its ends.
public enum ScriptParser {
    /// The steps of script `text`; `file` names it in locations and errors.
    public static func parse(_ text: String, file: String) throws(ScriptError) -> [ScriptItem] {
        let lines = splitLines(text)
        var items: [ScriptItem] = []
        var index = 0
        while index < lines.count {
            let location = ScriptLocation(file: file, line: index + 1)
            let raw = lines[index]
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            index += 1
            if location.line == 1, raw.hasPrefix("#!") { continue }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }

            if trimmed.hasPrefix("\"\"\"") {
                guard trimmed == "\"\"\"" else {
                    throw ScriptError(.textAfterBlockOpener(String(trimmed.dropFirst(3))), at: location)
                }
                var body: [String] = []
                var closed = false
                while index < lines.count {
                    let line = lines[index]
                    index += 1
                    if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" {
                        closed = true
                        break
                    }
                    body.append(line)
                }
                guard closed else { throw ScriptError(.unterminatedBlock, at: location) }
                let message = body.joined(separator: "\n")
                guard !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw ScriptError(.emptyBlock, at: location)
                }
                items.append(ScriptItem(.message(message), at: location))
            } else if trimmed.hasPrefix("/") {
                let name = trimmed.prefix(while: { !$0.isWhitespace })
                if name.lowercased() == "/expect" {
                    do {
                        let expectation = try ScriptExpectation(parsing: String(trimmed.dropFirst(name.count)))
                        items.append(ScriptItem(.expect(expectation), at: location))
                    } catch {
                        if let (pattern, reason) = error.badRegex {
                            throw ScriptError(.badRegex(pattern: pattern, reason: reason), at: location)
                        }
                        throw ScriptError(.malformedExpect(error.detail), at: location)
                    }
                } else {
                    items.append(ScriptItem(.command(trimmed), at: location))
                }
            } else {
                items.append(ScriptItem(.message(trimmed), at: location))
            }
        }
        return items
    }

    /// The steps of the script file at `path`.
    public static func parse(contentsOf path: String) throws(ScriptError) -> [ScriptItem] {
        if let problem = FileKind.problemReading(path) {
            throw ScriptError(.unreadable(problem), at: ScriptLocation(file: path, line: 0))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
            throw ScriptError(.unreadable(reason), at: ScriptLocation(file: path, line: 0))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScriptError(.unreadable("not UTF-8 text"), at: ScriptLocation(file: path, line: 0))
        }
        return try parse(text, file: path)
    }

    /// The lines of `text`, split at LF only (CRLF's CR is dropped), with a leading BOM removed.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var bytes = Substring(text).utf8[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while true {
            guard let newline = bytes.firstIndex(of: 0x0A) else {
                lines.append(String(decoding: stripCR(bytes), as: UTF8.self))
                break
            }
            lines.append(String(decoding: stripCR(bytes[..<newline]), as: UTF8.self))
            bytes = bytes[bytes.index(after: newline)...]
        }
        return lines
    }

    private static func stripCR(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        bytes.last == 0x0D ? bytes.dropLast() : bytes
    }
}
