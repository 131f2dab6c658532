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

    /// Returns once `path` holds `text` (the transcript is written as events happen).
    private func waitUntilFile(_ path: String, contains text: String) throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !((try? String(contentsOfFile: path, encoding: .utf8))?.contains(text) ?? false) {
            guard ContinuousClock.now < deadline else { throw PseudoTerminal.Timeout(waitingFor: text, screen: path) }
            usleep(10_000)
        }
    }

    @Test func aVerdictArrivingMidTurnWaitsForTheTurnsFootersWhenInputIsAFile() async throws {
        let (server, port, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        let home = ArenaBinary.temporaryHome()
        let config = home + "/models.yaml"
        try """
            models:
              alpha: {provider: openai, base_url: "http://127.0.0.1:\(port)/v1", key: "k"}
              beta: {provider: openai, base_url: "http://127.0.0.1:\(port)/v1", key: "k"}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        server.setBehaviour(.held(.answer(.words("Alpha answers (turn)."))), forModel: "alpha")
        server.setBehaviour(.held(.answer(.words("Beta answers plainly."))), forModel: "beta")
        server.setBehaviour(.held(Self.judge), forModel: "judge")
        let input = home + "/input.txt"
        try "/judge auto judge\nFirst question\nSecond question\n".write(toFile: input, atomically: true, encoding: .utf8)
        let transcripts = home + "/transcripts"
        // `arena < file` on a terminal: the live columns draw, lines come from the file.
        let terminal = try PseudoTerminal(
            running: "/bin/sh", arguments: ["-c", "exec \"$0\" --config \"$1\" --transcripts \"$2\" --model-a alpha --model-b beta < \"$3\"", ArenaBinary.path, config, transcripts, input],
            environment: ArenaBinary.environment(home: home, extra: environment))
        defer { terminal.close() }
        await server.waitForHeldResponses(1, model: "alpha")
        await server.waitForHeldResponses(1, model: "beta")
        server.releaseHeldResponses(model: "alpha")
        server.releaseHeldResponses(model: "beta")
        // Turn 1 is over and being judged; turn 2 is drawing, its answers held.
        await server.waitForHeldResponses(2, model: "judge")
        await server.waitForHeldResponses(1, model: "alpha")
        await server.waitForHeldResponses(1, model: "beta")
        server.releaseHeldResponses(model: "judge")
        let recorded = try #require(try FileManager.default.contentsOfDirectory(atPath: transcripts).first { $0.hasSuffix(".jsonl") })
        try waitUntilFile(transcripts + "/" + recorded, contains: #""type":"judge_verdict""#)
        // The verdict is in, mid-turn: it waits for turn 2's footers.
        server.setBehaviour(.answer(.words("Alpha answers (turn).")), forModel: "alpha")
        server.setBehaviour(.answer(.words("Beta answers plainly.")), forModel: "beta")
        server.setBehaviour(Self.judge, forModel: "judge")
        server.releaseHeldResponses()
        #expect(try terminal.waitForExit() == 0)
        try terminal.waitForEndOfOutput()
        let text = terminal.text
        #expect(text.occurrences(of: "judge judge on turn 1: A wins") == 1, "\(text)")
        let verdict = try #require(text.range(of: "judge judge on turn 1: A wins"))
        let secondTurn = try #require(text.range(of: "Second question", options: .backwards))
        // Both of turn 2's footers ("done") were drawn before it.
        #expect(secondTurn.upperBound < verdict.lowerBound, "\(text)")
        #expect(text[secondTurn.upperBound..<max(secondTurn.upperBound, verdict.lowerBound)].occurrences(of: "done") >= 2, "\(text)")
    }
}
