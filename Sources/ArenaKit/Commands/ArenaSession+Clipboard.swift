import Foundation

extension ArenaSession {
    /// The clipboard tools `/copy` also hands the text to, in the order tried: the first one
    /// found on `PATH` that succeeds is used.
    static let clipboardTools: [(name: String, arguments: [String])] = [
        ("wl-copy", []), ("xclip", ["-selection", "clipboard"]), ("pbcopy", []),
    ]

    /// `/copy a|b [N]`: one side's raw answer (the last turn, or turn `N`) onto the clipboard,
    /// by OSC 52 (arena writes the sequence itself, only when standard output is a terminal
    /// and `TERM` is not `dumb`)
    /// and by the first clipboard tool on `PATH` that works. Says how many characters went
    /// where; fails when neither way was open.
    func copyAnswer(_ side: Side, turn number: Int?) throws(CommandError) {
        let transcript = currentTranscript()
        guard let turn = number.map({ transcript.turn(numbered: $0) }) ?? transcript.turns.last else {
            throw CommandError(number.map { "/copy: no turn \($0) in this session" } ?? "/copy: nothing to copy yet; ask something first")
        }
        let text = turn.answer(side).text
        let environment = ProcessInfo.processInfo.environment
        var means: [String] = []
        if TerminalDevice.isTerminal(1) && !TerminalStyle.isDumbTerminal(environment: environment) {
            TerminalDevice.write("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}", to: 1)
            means.append("OSC 52")
        }
        for tool in Self.clipboardTools {
            guard let program = ExternalProgram.find(tool.name, searchPath: environment["PATH"]) else { continue }
            if (try? program.with(arguments: tool.arguments).run(input: text, quiet: true, ownProcessGroup: true, environment: environment)) == 0 {
                means.append(tool.name)
                break
            }
        }
        guard !means.isEmpty else {
            throw CommandError("/copy: no clipboard: standard output is not a terminal (for OSC 52) and none of wl-copy, xclip, pbcopy worked")
        }
        console.print("copied \(text.count) character\(text.count == 1 ? "" : "s") of \(side.label)'s answer to turn \(turn.number) via \(means.joined(separator: " and "))")
    }

    /// `/edit`: opens `$VISUAL`, else `$EDITOR`, else `vi` on a new private temporary file
    /// (0600, removed afterwards) with the terminal handed over, and returns what was saved
    /// (its trailing line breaks dropped). `nil`, with a note, when the file was left empty.
    func composeInEditor() throws(CommandError) -> String? {
        guard TerminalDevice.isTerminal(0) else {
            throw CommandError("/edit: needs a terminal to run the editor in; standard input is not one")
        }
        let environment = ProcessInfo.processInfo.environment
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        guard let words = ShellWords.split(command), let name = words.first else {
            throw CommandError("/edit: cannot read the editor command '\(command)' (an unclosed quote?)")
        }
        guard let editor = ExternalProgram.find(name, searchPath: environment["PATH"]) else {
            throw CommandError("/edit: editor '\(name)' not found on PATH; set VISUAL or EDITOR")
        }
        let path = try Self.makeMessageFile(in: environment["TMPDIR"] ?? "/tmp")
        defer { unlink(path) }
        let status = try TerminalDevice.lend { () throws(CommandError) -> Int32 in
            try editor.with(arguments: Array(words.dropFirst()) + [path]).run(environment: environment)
        }
        guard status == 0 else {
            throw CommandError("/edit: \(name) exited with status \(status); nothing sent")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("/edit: cannot read \(path) back; nothing sent")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            console.print("nothing sent: the message was empty")
            return nil
        }
        var message = text
        while message.last?.isNewline == true { message.removeLast() }
        return message
    }

    /// A new empty file only this user may read (`arena-message-XXXXXX.md` in `directory`).
    private static func makeMessageFile(in directory: String) throws(CommandError) -> String {
        var template = Array((directory + "/arena-message-XXXXXX.md").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) }
        guard fd >= 0 else {
            throw CommandError("/edit: cannot make a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        close(fd)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
