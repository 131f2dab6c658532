import ArenaTestSupport
import Foundation
import Testing

/// Issue 11: SIGTERM, SIGHUP and SIGQUIT mid-answer are handled like Ctrl-C: the partial answers
/// are recorded, the terminal is given back with echo, line editing and the cursor on, and arena
/// exits with the conventional status (128 + the signal).
@Suite(.serialized) struct SignalTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func anEndingSignalMidAnswerRecordsThePartialsAndRestoresTheTerminal(signal: Int32) throws {
        let home = ArenaBinary.temporaryHome()
        let terminal = try PseudoTerminal(environment: ArenaBinary.environment(home: home, extra: ["ARENA_PACE": "4"]))
        try terminal.waitFor("arena> ")
        terminal.send("Tell me a long story\r")
        try terminal.waitFor("Here is how")
        terminal.signal(signal)
        #expect(try terminal.waitForExit() == 128 + signal)
        try terminal.waitForEndOfOutput()
        let modes = terminal.modes
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0, "echo is off after exit")
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0, "canonical mode is off after exit")
        #expect(modes.c_oflag & tcflag_t(OPOST) != 0, "output post-processing is off after exit")
        let raw = terminal.rawText
        let hidden = raw.range(of: "\u{1B}[?25l", options: .backwards)
        let shown = raw.range(of: "\u{1B}[?25h", options: .backwards)
        #expect(hidden == nil || (shown != nil && shown!.lowerBound > hidden!.lowerBound), "the cursor is left hidden")

        let folder = home + "/.local/share/arena/transcripts"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        let transcript = try String(contentsOfFile: folder + "/" + files[0], encoding: .utf8)
        let answers = transcript.split(separator: "\n").filter { $0.contains(#""type":"answer""#) }
        #expect(answers.count == 2, "\(transcript)")
        #expect(answers.contains { $0.contains(#""status":"interrupted""#) && $0.contains("Here is how") }, "\(transcript)")
    }

    @Test func anEndingSignalAtThePromptExitsAtOnceWithTheTerminalRestored() throws {
        let terminal = try PseudoTerminal(environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome()))
        try terminal.waitFor("arena> ")
        terminal.send("half a line")
        try terminal.waitFor("half a line")
        terminal.signal(SIGTERM)
        #expect(try terminal.waitForExit() == 128 + SIGTERM)
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
    }

    /// Issue 16: Ctrl-Z mid-answer gives the terminal back while arena is stopped (echo, line
    /// editing, cursor), and after `fg` (SIGCONT) the columns are redrawn and the answers finish.
    @Test func ctrlZMidAnswerGivesTheTerminalBackAndFgRedraws() throws {
        let terminal = try PseudoTerminal(environment: ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: ["ARENA_PACE": "30"]))
        try terminal.waitFor("arena> ")
        terminal.send("Why is the sky blue?\r")
        try terminal.waitFor("Here is how")
        // While the columns are drawn, the terminal passes arena's output through untouched
        // (every row ends in its own CR LF).
        #expect(terminal.modes.c_oflag & tcflag_t(OPOST) == 0, "output post-processing is on while the columns are drawn")
        terminal.send("\u{1A}")
        try terminal.waitUntilStopped()
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON), "the terminal is not usable while arena is stopped")
        #expect(terminal.modes.c_oflag & tcflag_t(OPOST) != 0, "output post-processing is off while arena is stopped")
        // The cursor is shown again: the last show comes after the last hide.
        try terminal.waitUntil("the cursor shown", raw: true) { raw in
            guard let shown = raw.range(of: "\u{1B}[?25h", options: .backwards) else { return false }
            return raw.range(of: "\u{1B}[?25l", options: .backwards).map { shown.lowerBound > $0.lowerBound } ?? true
        }
        terminal.signal(SIGCONT)
        try terminal.waitFor("arena> ", count: 2, seconds: 60)
        // The turn finished after `fg`: its footer shows both sides done on one row (A's, the
        // separator, B's; the log may hold the last frame's footer and the final one together).
        #expect(terminal.text.split(separator: "\n").contains { $0.range(of: #"✓ done[^│]*│ ✓ done"#, options: .regularExpression) != nil }, "\(terminal.text)")
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO) == 0, "libedit edits with echo off at the prompt")
        #expect(terminal.modes.c_oflag & tcflag_t(OPOST) != 0, "output post-processing is off at the prompt")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
