import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing

/// `/judge auto` when turns come faster than the judge answers: a bounded number of judgements
/// at once. The judge holds its answers until the test releases them.
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
}
