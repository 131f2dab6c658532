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
}
