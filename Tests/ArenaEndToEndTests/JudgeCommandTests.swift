import ArenaTestServer
import Foundation
import Testing

/// Issue 14: `arena judge` over recorded transcripts and `arena leaderboard --judge`, against a
/// judge model served by the loopback test server.
@Suite struct JudgeCommandTests {
    /// The loopback server serving a model called `judge` (as `JUDGE_ENDPOINT`) and the
    /// environment naming it.
    private func judgeServer() async throws -> (ProviderTestServer, [String: String]) {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["judge"])
        let port = try await server.start()
        return (server, ["JUDGE_ENDPOINT": "http://127.0.0.1:\(port)/v1", "JUDGE_KEY": "k", "JUDGE_MODEL": "judge", "NO_COLOR": "1"])
    }

    /// A transcript of `turns` blind battles between alpha and beta (sides alternating); alpha's
    /// answers mention Paris, beta's do not. Votes, when given, are for turn i.
    private func writeTranscript(in directory: String, name: String = "2026-11-01T10-00-00.jsonl", turns: Int, votes: [String?] = []) throws -> String {
        var transcript = SyntheticTranscript(start: 1_790_000_000)
        for index in 0..<turns {
            let alphaOnA = index % 2 == 0
            transcript.battle(alphaOnA ? "alpha" : "beta", alphaOnA ? "beta" : "alpha")
            let alpha = "The capital of France is Paris.", beta = "I believe it is Lyon."
            transcript.ask("What is the capital of France? (\(index))", answers: alphaOnA ? (alpha, beta) : (beta, alpha))
            if index < votes.count, let verdict = votes[index] {
                transcript.vote(verdict, anonymous: true, modelA: alphaOnA ? "alpha" : "beta", modelB: alphaOnA ? "beta" : "alpha")
            }
        }
        let path = directory + "/" + name
        try transcript.write(to: path)
        return path
    }

    private func verdictLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "judge_verdict" }
    }

    @Test func aJudgeThatAlwaysPrefersTheFirstPositionGivesInconsistentTies() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersFirstPosition), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        let original = try writeTranscript(in: directory, turns: 3)
        let before = try Data(contentsOf: URL(fileURLWithPath: original))

        let result = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 turns judged → \(directory)/judged"), "\(result.stdout)")
        #expect(result.stdout.contains("verdicts: A 0, B 0, tie 3 (3 inconsistent)"))
        #expect(server.requests.count == 6)
        #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == before)
        let verdicts = try verdictLines(directory + "/judged/2026-11-01T10-00-00.jsonl")
        #expect(verdicts.count == 3)
        for verdict in verdicts {
            #expect(verdict["verdict"] as? String == "tie")
            #expect(verdict["consistent"] as? Bool == false)
            #expect(verdict["order_verdicts"] as? [String] == ["a", "b"])
            #expect(verdict["judge"] as? String == "judge")
            #expect(verdict["template"] as? String == "mt-bench-pair-v2")
            #expect((verdict["replies"] as? [String])?.count == 2)
        }
        // `arena show` tells each turn's verdict after its answers.
        let shown = try ArenaBinary.runPiped(["show", directory + "/judged/2026-11-01T10-00-00.jsonl"], input: "", extra: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
        let verdictLines = shown.stdout.split(separator: "\n").filter { $0.hasPrefix("The judge judge: ") }
        #expect(verdictLines.count == 3, "\(shown.stdout)")
    }

    @Test func aTurnWithAnUnfinishedAnswerIsNotJudged() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersFirstPosition), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        var transcript = SyntheticTranscript(start: 1_790_000_000)
        transcript.ask("First?", answers: ("One.", "Uno."))
        transcript.ask("Second?", answers: ("Two.", "Do"))
        transcript.event("answer", ["turn": 2, "side": "b", "status": "interrupted", "text": "Do"])
        try transcript.write(to: directory + "/t.jsonl")

        let result = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 without two finished answers"), "\(result.stdout)")
        #expect(try verdictLines(directory + "/judged/t.jsonl").map { $0["turn"] as? Int } == [1])
    }

    @Test func aJudgePreferringOneModelWhereverItIsShownRanksItFirstAndReportsAgreement() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersAnswerContaining("Paris")), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        // Human votes on three turns: two for alpha (on A, then on B), one for beta.
        _ = try writeTranscript(in: directory, turns: 6, votes: ["a", "a", "a"])
        let judged = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge", "--concurrency", "3"], input: "", extra: environment)
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(judged.stdout.contains("verdicts: A 3, B 3, tie 0 (0 inconsistent)"), "\(judged.stdout)")

        // No model name reached the judge: it saw "Assistant A/B" only.
        for request in server.requests {
            let body = String(decoding: request.body, as: UTF8.self)
            #expect(!body.contains("alpha") && !body.contains("beta"))
            #expect(body.contains("[The Start of Assistant A's Answer]"))
        }

        let board = try ArenaBinary.runPiped(["leaderboard", directory, "--judge", "judge", "--rounds", "0"], input: "", extra: environment)
        #expect(board.status == 0, "\(board.stderr)")
        let alpha = try #require(board.stdout.range(of: "alpha")), beta = try #require(board.stdout.range(of: "beta"))
        #expect(alpha.lowerBound < beta.lowerBound, "\(board.stdout)")
        #expect(board.stdout.contains("Rated from the pairwise verdicts of judge judge (not human votes)"))
        #expect(board.stdout.contains("self-consistency 100% (6 of 6 verdicts"))
        #expect(board.stdout.contains("6 battles (verdicts of judge judge; inconsistent ones count as ties)"))
        // Votes "a" on turns 1-3: alpha on A (agree), beta on A (disagree), alpha on A (agree).
        #expect(board.stdout.contains("agreement with human votes: 67% (n = 3 turns with both)"), "\(board.stdout)")

        let humans = try ArenaBinary.runPiped(["leaderboard", directory, "--humans", "--json"], input: "", extra: environment)
        let json = try JSONSerialization.jsonObject(with: Data(humans.stdout.utf8)) as? [String: Any]
        #expect((json?["battles"] as? Int) == 3)
        let mixed = try ArenaBinary.runPiped(["leaderboard", directory, "--humans", "--judge", "judge"], input: "", extra: environment)
        #expect(mixed.status != 0 && mixed.stderr.contains("never mixed"))
    }

    @Test func aReplyWithoutAVerdictMarkerIsReportedNeverGuessed() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.noVerdict), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        _ = try writeTranscript(in: directory, turns: 1)
        let result = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("2026-11-01T10-00-00.jsonl turn 1: judge judge: the reply has no verdict (expected [[A]], [[B]] or [[C]])"), "\(result.stderr)")
        #expect(result.stdout.contains("0 turns judged, 1 problem"))
        #expect(try verdictLines(directory + "/judged/2026-11-01T10-00-00.jsonl").isEmpty)
    }

    @Test func aJudgeFailingMidBatchKeepsWhatWasJudgedAndARerunResumes() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        let directory = ArenaBinary.temporaryHome()
        _ = try writeTranscript(in: directory, turns: 4)
        // Two turns' worth of replies (two requests each), then the judge fails.
        server.enqueue(contentsOf: Array(repeating: .judge(.prefersAnswerContaining("Paris")), count: 4))
        server.setBehaviour(.httpError(status: 500, body: #"{"error": {"code": "server_error", "message": "judge fell over"}}"#), forModel: "judge")
        let first = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge", "--concurrency", "1"], input: "", extra: environment)
        #expect(first.status == 1)
        #expect(first.stderr.contains("judging stopped: 2026-11-01T10-00-00.jsonl turn 3: judge judge: HTTP 500"), "\(first.stderr)")
        #expect(first.stderr.contains("run the same command again to resume"))
        #expect(first.stdout.contains("2 turns judged"))
        let output = directory + "/judged/2026-11-01T10-00-00.jsonl"
        #expect(try verdictLines(output).map { $0["turn"] as? Int } == [1, 2])

        server.setBehaviour(.judge(.prefersAnswerContaining("Paris")), forModel: "judge")
        let second = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("2 turns judged, 2 already judged"), "\(second.stdout)")
        // Verdicts are recorded as they arrive, several turns at once: in any order.
        #expect(try verdictLines(output).compactMap { $0["turn"] as? Int }.sorted() == [1, 2, 3, 4])
        let third = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(third.stdout.contains("0 turns judged, 4 already judged"))
        // The judged copy still loads as a transcript with all its turns.
        let shown = try ArenaBinary.runPiped(["show", output], input: "", extra: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
    }

    /// Each line of `path` as JSON (a line that is not fails the test), as "type turn".
    private func eventKinds(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            return "\(object["type"] as? String ?? "?") \((object["turn"] as? Int).map(String.init) ?? "-")"
        }
    }

    /// Cuts the file at `path` in the middle of line `line` (1-based), as a killed writer leaves it.
    private func cutMidLine(_ path: String, line: Int) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.prefix(line - 1).map { $0 + "\n" }.joined() + lines[line - 1].prefix(lines[line - 1].count / 2)
        try kept.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aCopyCutOffMidLineByAnInterruptedRunIsRepairedOnResume() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersAnswerContaining("Paris")), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        _ = try writeTranscript(in: directory, turns: 3)
        let output = directory + "/judged/2026-11-01T10-00-00.jsonl"
        let first = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let whole = try eventKinds(output)
        let originalKinds = whole.filter { !$0.hasPrefix("judge_verdict") }
        #expect(whole.count == originalKinds.count + 3)

        // Killed while writing the last verdict: half of its line is there.
        try cutMidLine(output, line: whole.count)
        let resumed = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("\(output):\(whole.count): the last line is cut off (an earlier run was stopped while writing it); rewritten from the original and the 2 verdicts written whole"), "\(resumed.stderr)")
        #expect(resumed.stdout.contains("1 turn judged, 2 already judged"), "\(resumed.stdout)")
        let repaired = try eventKinds(output)
        #expect(repaired.filter { !$0.hasPrefix("judge_verdict") } == originalKinds)
        #expect(try verdictLines(output).compactMap { $0["turn"] as? Int }.sorted() == [1, 2, 3])

        // Killed while copying the original, before any verdict: the copy is made whole again.
        try cutMidLine(output, line: 3)
        let recopied = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(recopied.status == 0, "\(recopied.stderr)")
        #expect(recopied.stderr.contains("\(output):3: the last line is cut off"), "\(recopied.stderr)")
        #expect(recopied.stdout.contains("3 turns judged"), "\(recopied.stdout)")
        #expect(try eventKinds(output).filter { !$0.hasPrefix("judge_verdict") } == originalKinds)
        #expect(try verdictLines(output).compactMap { $0["turn"] as? Int }.sorted() == [1, 2, 3])
        let shown = try ArenaBinary.runPiped(["show", output], input: "", extra: environment)
        #expect(shown.status == 0 && !shown.stderr.contains("cut off"), "\(shown.stderr)")
    }

    @Test func aJudgeJudgingItsOwnAnswersIsWarnedAbout() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersFirstPosition), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        var transcript = SyntheticTranscript(start: 1_790_000_000)
        transcript.battle("judge", "beta")
        transcript.ask("Hi?", answers: ("Hello.", "Hi."))
        try transcript.write(to: directory + "/self.jsonl")
        let result = try ArenaBinary.runPiped(["judge", directory, "--judge", "judge"], input: "", extra: environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the judge judge is one of the two models compared in 1 turn; judges tend to prefer their own answers"), "\(result.stderr)")
    }

    @Test func scoresRateEachAnswerAlone() async throws {
        let (server, environment) = try await judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersAnswerContaining("Paris")), forModel: "judge")
        let directory = ArenaBinary.temporaryHome()
        let file = try writeTranscript(in: directory, turns: 2)
        let output = ArenaBinary.temporaryHome()
        let result = try ArenaBinary.runPiped(["judge", file, "--judge", "judge", "--score", "--output", output], input: "", extra: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mean score: A 6.0, B 6.0"), "\(result.stdout)")
        let verdicts = try verdictLines(output + "/2026-11-01T10-00-00.jsonl")
        let byTurn = verdicts.sorted { ($0["turn"] as? Int ?? 0) < ($1["turn"] as? Int ?? 0) }
        #expect(byTurn.map { $0["scores"] as? [Double] } == [[9, 3], [3, 9]])
        #expect(verdicts.first?["template"] as? String == "mt-bench-single-v1")
        // An MMLU question with its right letter recorded is graded against it.
        var mmlu = SyntheticTranscript(start: 1_790_000_000)
        mmlu.battle("alpha", "beta")
        mmlu.event("user", ["turn": 1, "prompt": "Capital of France?\nA. Lyon\nB. Nice\nC. Paris", "mmlu": ["subject": "geography", "answer": "C"]])
        mmlu.event("answer", ["turn": 1, "side": "a", "status": "done", "text": "The answer is (C) Paris."])
        mmlu.event("answer", ["turn": 1, "side": "b", "status": "done", "text": "The answer is (A)."])
        try mmlu.write(to: directory + "/mmlu.jsonl")
        let graded = try ArenaBinary.runPiped(["judge", directory + "/mmlu.jsonl", "--judge", "judge", "--score", "--output", output], input: "", extra: environment)
        #expect(graded.status == 0, "\(graded.stderr)")
        let reference = try verdictLines(output + "/mmlu.jsonl")
        #expect(reference.first?["template"] as? String == "mt-bench-single-ref-v1")
        #expect(reference.first?["scores"] as? [Double] == [9, 3])
        #expect(server.requests.contains { String(decoding: $0.body, as: UTF8.self).contains("[The Start of Reference Answer]\\nThe correct answer is (C).") })

        let sameFolder = try ArenaBinary.runPiped(["judge", file, "--judge", "judge", "--output", directory], input: "", extra: environment)
        #expect(sameFolder.status != 0 && sameFolder.stderr.contains("originals are never modified"))
    }
}
