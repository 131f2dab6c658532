import ArenaTestSupport
import Foundation
import Testing

/// `/copy` (OSC 52 on the terminal, and a clipboard tool from PATH) and `/edit` (the person's
/// editor on a private temporary file), in a pseudo-terminal.
@Suite(.serialized) struct ClipboardEditTests {
    /// A directory holding executable scripts, put first on PATH.
    private func tools(_ scripts: [String: String], home: String) throws -> String {
        let directory = home + "/bin"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, body) in scripts {
            let path = directory + "/" + name
            try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return directory
    }

    private func start(home: String, extra: [String: String]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(arguments: ["--no-record"], environment: ArenaBinary.environment(home: home, extra: ["ARENA_PACE": "0"].merging(extra) { _, new in new }))
        try terminal.waitFor("arena> ")
        return terminal
    }

    @Test func copyWritesOSC52AndFeedsTheClipboardTool() throws {
        let home = ArenaBinary.temporaryHome()
        let bin = try tools(["xclip": "[ \"$1 $2\" = \"-selection clipboard\" ] && cat > \"$HOME/clipboard\""], home: home)
        let terminal = try start(home: home, extra: ["PATH": bin + ":/usr/bin:/bin"])
        defer { terminal.close() }
        terminal.send("Copy this answer, please\r")
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("/copy a\r")
        try terminal.waitFor("copied 24 characters of A's answer to turn 1 via OSC 52 and xclip")
        let raw = terminal.rawText
        let start = try #require(raw.range(of: "\u{1B}]52;c;"))
        let end = try #require(raw[start.upperBound...].firstIndex(of: "\u{07}"))
        let decoded = try #require(Data(base64Encoded: String(raw[start.upperBound..<end])))
        #expect(String(decoding: decoded, as: UTF8.self) == "Copy this answer, please")
        #expect(try String(contentsOfFile: home + "/clipboard", encoding: .utf8) == "Copy this answer, please")
        terminal.send("/copy b 7\r")
        try terminal.waitFor("/copy: no turn 7 in this session")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func editSendsWhatTheEditorSaved() throws {
        let home = ArenaBinary.temporaryHome()
        // The editor checks its own argument arrived, notes the file's mode and path, writes.
        let bin = try tools(["fake-editor": """
            [ "$1" = "--wait" ] || exit 3
            stat -c %a "$2" > "$HOME/mode"
            printf '%s' "$2" > "$HOME/path"
            printf 'Written in the editor\\nsecond line\\n' > "$2"
            """], home: home)
        let terminal = try start(home: home, extra: ["EDITOR": "fake-editor --wait", "VISUAL": "", "PATH": bin + ":/usr/bin:/bin"])
        defer { terminal.close() }
        terminal.send("/edit\r")
        try terminal.waitFor("✓ done", count: 2)
        try terminal.waitFor("arena> ", count: 2)
        #expect(terminal.text.contains("Written in the editor"))
        #expect(try String(contentsOfFile: home + "/mode", encoding: .utf8) == "600\n")
        let path = try String(contentsOfFile: home + "/path", encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: path))
        terminal.send("/settings\r")
        try terminal.waitUntil("one turn") { $0.contains("turns        1") }
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func anEmptyFileSendsNothing() throws {
        let home = ArenaBinary.temporaryHome()
        let bin = try tools(["quiet-editor": "exit 0"], home: home)
        let terminal = try start(home: home, extra: ["VISUAL": "quiet-editor", "PATH": bin + ":/usr/bin:/bin"])
        defer { terminal.close() }
        terminal.send("/edit\r")
        try terminal.waitFor("nothing sent: the message was empty")
        try terminal.waitFor("arena> ", count: 2)
        #expect(!terminal.text.contains("✓ done"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
