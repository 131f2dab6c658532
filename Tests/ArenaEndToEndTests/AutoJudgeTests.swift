import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing

/// `/judge auto` when turns come faster than the judge answers, and at the end of a session:
/// a bounded number of judgements at once, and a wait that says what it waits for and that
/// Ctrl-C can skip. The judge holds its answers until the test releases them.
@Suite(.serialized, .timeLimit(.minutes(2))) struct AutoJudgeTests {
    private static let judge = TestBehaviour.judge(.prefersAnswerContaining("(turn"))

    @Test func atMostTwoTurnsAreJudgedAtOnceAndEveryVerdictArrives() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.held(Self.judge), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        let script = directory + "/many.arena"
        let questions = (1...10).map { String(format: "Tell me about topic %02d", $0) }
        try (["/models echo scribe", "/judge auto judge"] + questions).joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let run = try PipedProcess(["run", script, "--transcripts", directory], environment: ArenaBinary.environment(home: directory, extra: environment))

        // Two turns are judged at once, two requests each (both orders): four held, the first
        // two turns'. Every request is held until released, four at a time, so that judgements
        // started beyond the bound would pile up at the server.
        await server.waitForHeldResponses(4)
        let asked = server.requests.map { String(decoding: $0.body, as: UTF8.self) }
        for (index, question) in questions.enumerated() {
            #expect(asked.contains { $0.contains(question) } == (index < 2), "the first two turns go first: \(question)")
        }
        var released = 0
        while released < 20 {
            await server.waitForHeldResponses(min(4, 20 - released))
            released += server.releaseHeldResponses()
        }
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0)
        #expect(server.mostRequestsInFlight == 4, "at most two turns (four requests) at once")
        #expect(server.requests.count == 20)
        let verdicts = try JudgeTestSupport.verdictEvents(in: directory)
        #expect(verdicts.compactMap { $0["turn"] as? Int }.sorted() == Array(1...10))
        #expect(run.text.contains("judge judge on turn 10: B wins"), "\(run.text)")
    }

    /// arena in a terminal with echo and scribe, `/judge auto judge` on and one turn judged
    /// (its verdict recorded); then two more turns whose verdicts the judge holds.
    /// Returns the judge's server, the terminal and the transcripts folder.
    private func sessionWithTwoVerdictsHeld() async throws -> (ProviderTestServer, PseudoTerminal, String) {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        let transcripts = ArenaBinary.temporaryHome()
        server.setBehaviour(Self.judge, forModel: "judge")
        let terminal = try PseudoTerminal(arguments: ["--transcripts", transcripts], environment: ArenaBinary.environment(
            home: ArenaBinary.temporaryHome(), extra: environment.merging(["ARENA_MODEL_A": "echo", "ARENA_MODEL_B": "scribe"]) { _, new in new }))
        try terminal.waitFor("arena> ")
        terminal.send("/judge auto judge\r")
        try terminal.waitFor("every following turn is judged by judge")
        terminal.send("First question\r")
        try terminal.waitFor("judge judge on turn 1: B wins")
        server.setBehaviour(.held(Self.judge), forModel: "judge")
        terminal.send("Second question\r")
        await server.waitForHeldResponses(2)
        terminal.send("Third question\r")
        await server.waitForHeldResponses(4)
        return (server, terminal, transcripts)
    }

    @Test func leavingWithVerdictsPendingSaysSoAndCtrlCSkipsTheWait() async throws {
        let (server, terminal, transcripts) = try await sessionWithTwoVerdictsHeld()
        defer { terminal.close(); Task { await server.shutdown() } }
        terminal.send("/quit\r")
        try terminal.waitFor("waiting for 2 judge verdicts… (Ctrl-C to skip)")
        terminal.send("\u{03}")
        try terminal.waitFor("2 verdicts not recorded")
        #expect(try terminal.waitForExit() == 0)
        try terminal.waitForEndOfOutput()
        #expect(terminal.text.contains("transcript: \(transcripts)/"), "the session ends as after any /quit")
        #expect(terminal.modes.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON), "the terminal is given back")
        #expect(!terminal.text.contains("turn 2 not judged") && !terminal.text.contains("judge judge on turn 2"))
        // The verdict already recorded stays; the transcript is whole.
        let verdicts = try JudgeTestSupport.verdictEvents(in: transcripts)
        #expect(verdicts.map { $0["turn"] as? Int } == [1])
        for name in try FileManager.default.contentsOfDirectory(atPath: transcripts) where name.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: transcripts + "/" + name, encoding: .utf8)
            #expect(text.hasSuffix("\n"))
            for line in text.split(separator: "\n") {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not whole: \(line)")
            }
        }
    }

    @Test func leavingWithCtrlDWaitsForThePendingVerdictsAndRecordsThem() async throws {
        let (server, terminal, transcripts) = try await sessionWithTwoVerdictsHeld()
        defer { terminal.close(); Task { await server.shutdown() } }
        terminal.send("\u{04}")
        try terminal.waitFor("waiting for 2 judge verdicts… (Ctrl-C to skip)")
        server.setBehaviour(Self.judge, forModel: "judge")
        server.releaseHeldResponses()
        try terminal.waitFor("judge judge on turn 3: B wins")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.text.contains("judge judge on turn 2: B wins"))
        #expect(!terminal.text.contains("not recorded"))
        #expect(try JudgeTestSupport.verdictEvents(in: transcripts).compactMap { $0["turn"] as? Int }.sorted() == [1, 2, 3])
    }
}
