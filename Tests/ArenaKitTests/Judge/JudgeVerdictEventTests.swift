import Foundation
import Testing

@testable import ArenaKit

/// The `judge_verdict` event: written and read back whole, kept apart from votes, shown safely.
@Suite struct JudgeVerdictEventTests {
    private let verdict = TranscriptEvent.JudgeVerdict(
        turn: 2, judge: "gpt-4o", template: "mt-bench-pair-v2", kind: .pairwise, modelA: "alpha", modelB: "beta",
        anonymous: true, verdict: .tie, consistent: false, orderVerdicts: [.a, .b],
        replies: ["A is better \u{1B}[31m[[A]]", "The first is better. [[A]]"])

    @Test func aVerdictRoundTripsAndStaysApartFromVotes() throws {
        let coder = TranscriptLineCoder()
        let line = try coder.encodeLine(TranscriptRecord(event: .judgeVerdict(verdict)))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("{\"type\":\"judge_verdict\",\"v\":1,"))
        #expect(text.contains("\"order_verdicts\":[\"a\",\"b\"]") && text.contains("\"model_a\":\"alpha\""))
        guard case .record(let record) = try coder.decodeLine(line.dropLast(), lineNumber: 1),
              case .judgeVerdict(let decoded) = record.event else {
            Issue.record("not read back as a judge verdict")
            return
        }
        #expect(decoded == verdict)
        let transcript = LoadedTranscript(file: "t.jsonl", records: [
            TranscriptRecord(event: .session(.init(arenaVersion: "test"))),
            TranscriptRecord(event: .judgeVerdict(verdict)),
        ])
        #expect(transcript.judgeVerdicts == [verdict])
        #expect(transcript.votes.isEmpty)
    }

    @Test func theDisplayNamesSidesOnlyAndMakesRepliesInert() {
        let text = verdict.displayText
        #expect(text.hasPrefix("judge gpt-4o on turn 2: a tie (inconsistent: the two orders disagreed)\n"))
        #expect(text.contains("  A shown first → A: A is better"))
        #expect(text.contains("  B shown first → B: The first is better."))
        #expect(!text.contains("\u{1B}") && !text.contains("alpha") && !text.contains("beta"))
        var score = verdict
        score.kind = .score
        score.scores = [8, 6.5]
        #expect(score.summary == "A 8/10, B 6.5/10")
    }
}
