import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing

/// `/judge score` shows the judge the right answer of the conversation's last turn when it
/// asked an MMLU question, and only then: after `/retry` (the retried turn) and after `/load`
/// (the loaded transcript's last turn), not a question asked before.
@Suite(.serialized) struct JudgeLastTurnTests {
    private static let reference = "The correct answer is ("

    /// The bodies of the judge's requests made by one run of arena on `input`.
    private func judgeBodies(_ arguments: [String], input: String, server: ProviderTestServer, environment: [String: String]) throws -> [String] {
        let before = server.requests.count
        let result = try ArenaBinary.runPiped(arguments, input: input, extra: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("judge judge on turn"), "\(result.stdout)")
        return server.requests.dropFirst(before).map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// The one transcript a run recorded in `directory`.
    private func recordedTranscript(in directory: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }
        return directory + "/" + (try #require(names.first))
    }

    @Test func aRetriedPlainTurnIsNotGradedAgainstAnEarlierQuestion() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersAnswerContaining("(turn")), forModel: "judge")
        let models = ["--no-record", "--model-a", "echo", "--model-b", "scribe"]
        let asked = try judgeBodies(models, input: "/subject astronomy\n/ask 1\n/retry\n/judge score judge\n", server: server, environment: environment)
        #expect(asked.count == 2 && asked.allSatisfy { $0.contains(Self.reference) }, "the retried MMLU turn keeps its question")
        let plain = try judgeBodies(models, input: "/subject astronomy\n/ask 1\nWhy is the sky blue?\n/retry\n/judge score judge\n", server: server, environment: environment)
        #expect(plain.count == 2)
        for body in plain { #expect(!body.contains(Self.reference), "\(body)") }
    }

    @Test func afterLoadTheLoadedTranscriptsLastTurnDecides() async throws {
        let (server, _, environment) = try await JudgeTestSupport.judgeServer()
        defer { Task { await server.shutdown() } }
        server.setBehaviour(.judge(.prefersAnswerContaining("(turn")), forModel: "judge")
        let models = ["--model-a", "echo", "--model-b", "scribe"]
        let mmluFolder = ArenaBinary.temporaryHome()
        _ = try ArenaBinary.runPiped(["--transcripts", mmluFolder] + models, input: "/subject astronomy\n/ask 1\n", extra: environment)
        let plainFolder = ArenaBinary.temporaryHome()
        _ = try ArenaBinary.runPiped(["--transcripts", plainFolder] + models, input: "Why is the sky blue?\n", extra: environment)
        let mmluTranscript = try recordedTranscript(in: mmluFolder)
        let plainTranscript = try recordedTranscript(in: plainFolder)

        let loadedMMLU = try judgeBodies(["--no-record"] + models, input: "Why is the sky blue?\n/load \(mmluTranscript)\n/judge score judge\n", server: server, environment: environment)
        #expect(loadedMMLU.count == 2 && loadedMMLU.allSatisfy { $0.contains(Self.reference) }, "\(loadedMMLU)")
        let loadedPlain = try judgeBodies(["--no-record"] + models, input: "/subject astronomy\n/ask 1\n/load \(plainTranscript)\n/judge score judge\n", server: server, environment: environment)
        #expect(loadedPlain.count == 2)
        for body in loadedPlain { #expect(!body.contains(Self.reference), "\(body)") }
    }
}
