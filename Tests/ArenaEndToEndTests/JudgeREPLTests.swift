import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing

/// Issue 14 in the REPL: `/judge`, `/judge score`, `/judge auto`, blind battles, and the
/// verdict shown above the prompt on a terminal.
@Suite(.serialized) struct JudgeREPLTests {
    @Test func judgeScoreAndAutoAreShownAndRecordedApartFromVotes() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        // scribe's answers say "(turn N)", echo's repeat the question: the judge prefers scribe.
        server.setBehaviour(.judge(.prefersAnswerContaining("(turn")), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        let input = "/judge\nTell me about rivers\n/judge judge\n/judge score judge\n/judge auto judge\nAnd lakes?\n/vote a\n/leaderboard judge judge\n"
        let result = try ArenaBinary.runPiped(["--transcripts", directory, "--model-a", "echo", "--model-b", "scribe"], input: input, extra: environment)
        #expect(result.stderr.contains("/judge: nothing to judge yet"), "\(result.stderr)")
        #expect(result.stdout.contains("judge judge on turn 1: B wins\n  A shown first → B: "), "\(result.stdout)")
        #expect(result.stdout.contains("  B shown first → B: Only Assistant A mentions (turn."))
        #expect(result.stdout.contains("judge judge on turn 1: A 3/10, B 9/10\n  A: It lacks (turn."))
        #expect(result.stdout.contains("every following turn is judged by judge"))
        #expect(result.stdout.contains("judge judge on turn 2: B wins"))
        #expect(result.stdout.contains("Rated from the pairwise verdicts of judge judge (not human votes)"))
        let events = try JudgeTestSupport.verdictEvents(in: directory)
        #expect(events.map { $0["kind"] as? String } == ["pairwise", "score", "pairwise"])
        #expect(events.map { $0["turn"] as? Int } == [1, 1, 2])
        #expect(events.first?["model_a"] as? String == "echo" && events.first?["model_b"] as? String == "scribe")
        // The human vote is its own event, untouched by the judge's.
        let leaderboard = try ArenaBinary.runPiped(["leaderboard", directory, "--all", "--json"], input: "", extra: environment)
        let json = try JSONSerialization.jsonObject(with: Data(leaderboard.stdout.utf8)) as? [String: Any]
        #expect((json?["battles"] as? Int) == 1)
    }

    @Test func aScriptWaitsForItsAutomaticVerdicts() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.slow(.words("Both fine. [[C]]"), delayMilliseconds: 20), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        let script = directory + "/judged.arena"
        try "/models echo scribe\n/judge auto judge\nHello there\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(["run", script, "--transcripts", directory], input: "", extra: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("judge judge on turn 1: a tie"), "\(result.stdout)")
        #expect(try JudgeTestSupport.verdictEvents(in: directory).count == 1)
    }

    @Test func theDefaultJudgeAndTheSelfPreferenceWarning() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersFirstPosition), forModel: "judge")
        let none = try ArenaBinary.runPiped(["--no-record"], input: "hi\n/judge\n", extra: environment)
        #expect(none.stderr.contains("/judge: no judge model; name one (/judge MODEL), set ARENA_JUDGE, or put 'judge: MODEL' in the models file"))
        var withDefault = environment
        withDefault["ARENA_JUDGE"] = "judge"
        let result = try ArenaBinary.runPiped(["--no-record", "--model-a", "judge", "--model-b", "echo"], input: "hi\n/judge\n", extra: withDefault)
        #expect(result.stderr.contains("warning: the judge judge is one of the two models compared"), "\(result.stderr)")
        #expect(result.stdout.contains("judge judge on turn 1: a tie (inconsistent: the two orders disagreed)"), "\(result.stdout)")
        server.setBehaviour(.judge(.noVerdict), forModel: "judge")
        let missing = try ArenaBinary.runPiped(["--no-record"], input: "hi\n/judge judge\n", extra: environment)
        #expect(missing.stderr.contains("stdin:2: /judge: judge judge: the reply has no verdict (expected [[A]], [[B]] or [[C]])"), "\(missing.stderr)")
        #expect(missing.status == 1)
    }

    @Test func inABlindBattleTheJudgeNeverSeesNorShowsTheNames() async throws {
        let (server, port, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersAnswerContaining("sea")), forModel: "judge")
        server.setBehaviour(.answer(.words("Rivers run to the sea.")), forModel: "zeta-one")
        server.setBehaviour(.answer(.words("Seas take in rivers.")), forModel: "zeta-two")
        let home = ArenaBinary.temporaryHome()
        let config = home + "/models.yaml"
        try """
            models:
              zeta-one: {provider: openai, base_url: "http://127.0.0.1:\(port)/v1", key: "${ZKEY}"}
              zeta-two: {provider: openai, base_url: "http://127.0.0.1:\(port)/v1", key: "${ZKEY}"}
              judge: {provider: openai, base_url: "http://127.0.0.1:\(port)/v1", key: "${ZKEY}", weight: 0}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(
            ["--no-record", "--config", config, "--blind"], input: "Where do rivers go?\n/judge judge\n/judge score judge\n/vote a\n",
            extra: environment.merging(["ZKEY": "k"]) { _, new in new })
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let voteLine = try #require(lines.firstIndex { $0.hasPrefix("vote recorded") })
        for line in lines[..<voteLine] + result.stderr.split(separator: "\n") {
            #expect(!line.contains("zeta"), "leaked: \(line)")
        }
        #expect(lines[..<voteLine].contains { $0.hasPrefix("judge judge on turn 1: A wins") || $0.hasPrefix("judge judge on turn 1: B wins") })
        #expect(lines[..<voteLine].contains { $0.hasPrefix("judge judge on turn 1: A ") && $0.contains("/10, B ") })
        let judgeBodies = server.requests.map { String(decoding: $0.body, as: UTF8.self) }.filter { $0.contains("Assistant") }
        #expect(judgeBodies.count == 4)
        for body in judgeBodies { #expect(!body.contains("zeta"), "\(body)") }
        #expect(lines[voteLine...].contains { $0.contains("zeta-one") })
    }

    @Test func anAutomaticVerdictIsPrintedAboveThePromptKeepingWhatIsTyped() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.slow(.words("The first one reads better. [[A]]"), delayMilliseconds: 40), forModel: "judge")
        let terminal = try PseudoTerminal(environment: ArenaBinary.environment(
            home: ArenaBinary.temporaryHome(), extra: environment.merging(["ARENA_MODEL_A": "echo", "ARENA_MODEL_B": "scribe"]) { _, new in new }))
        defer { terminal.close() }
        try terminal.waitFor("arena> ")
        terminal.send("/judge auto judge\r")
        try terminal.waitFor("every following turn is judged by judge")
        try terminal.waitFor("arena> ", count: 2)
        terminal.send("Why is the sea salty?\r")
        try terminal.waitFor("arena> ", count: 3)
        terminal.send("partial")
        try terminal.waitFor("judge judge on turn 1: a tie (inconsistent: the two orders disagreed)")
        // Whenever the verdict came (before or while the line was typed), it stands above a
        // prompt that still holds the typed text.
        try terminal.waitUntil("the prompt redrawn with the typed text below the verdict") { text in
            guard let verdict = text.range(of: "judge judge on turn 1:", options: .backwards) else { return false }
            return text[verdict.upperBound...].contains("arena> partial")
        }
        terminal.send(" words\r")
        try terminal.waitFor("partial words", count: 2)
        terminal.send("/judge auto off\r")
        try terminal.waitFor("automatic judging off")
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
