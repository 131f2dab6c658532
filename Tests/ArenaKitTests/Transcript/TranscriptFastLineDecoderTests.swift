import Foundation
import Testing
@testable import ArenaKit

/// The fast path for `user` and `answer` lines must give exactly what the `Codable` path
/// gives, and step aside (nil) for anything it does not read completely.
@Suite struct TranscriptFastLineDecoderTests {
    private func bothWays(_ line: String) -> (fast: TranscriptRecord?, full: TranscriptRecord?) {
        var decoder = TranscriptFastLineDecoder()
        let bytes = Array(line.utf8)
        let fast = bytes.withUnsafeBytes { decoder.decode($0, lineNumber: 7) }
        let full: TranscriptRecord?
        if case .record(let record)? = try? TranscriptLineCoder().decodeLine(Data(bytes), lineNumber: 7) {
            full = record
        } else {
            full = nil
        }
        return (fast, full)
    }

    @Test func writtenUserAndAnswerLinesReadTheSameBothWays() throws {
        let extra: [TranscriptEvent] = [
            .user(.init(turn: 2, prompt: "Plain prompt with \"quotes\" and \u{2028}")),
            .answer(.init(turn: 2, side: .a, model: nil, answer: Answer(text: "", status: .done))),
            .answer(.init(turn: 2, side: .b, answer: Answer(text: "t", reasoning: "r", status: .done, usage: TokenUsage(inputTokens: 3), reportedModel: "m"))),
        ]
        let records = TranscriptSamples.records(TranscriptSamples.everyEvent + extra)
        let lines = try String(decoding: TranscriptSamples.text(records), as: UTF8.self).split(separator: "\n").map(String.init)
        var taken = 0
        for line in lines {
            let (fast, full) = bothWays(line)
            if let fast {
                taken += 1
                #expect(fast == full, "\(line)")
            }
        }
        // Every user and answer line without an MMLU reference or a cost takes the fast path.
        #expect(taken == 6)
    }

    @Test func handWrittenLinesReadTheSameOrStepAside() {
        let lines = [
            #"{"type":"answer","turn":1,"side":"a","text":"hi"}"#,
            #"{"type":"answer","v":1,"turn":1,"side":"b","text":null,"status":"error","error":"boom","usage":{"output_tokens":4}}"#,
            #"{"type":"answer","turn":1,"side":"c","text":"bad side"}"#,
            #"{"type":"answer","turn":"1","side":"a"}"#,
            #"{"type":"answer","turn":1.5,"side":"a"}"#,
            #"{"type":"answer","turn":1,"side":"a","text":5}"#,
            #"{"type":"answer","turn":1,"side":"a","usage":{"estimate":"yes"}}"#,
            #"{"type":"answer","turn":1,"side":"a","adopted_from":"b","unknown_field":[1,2]}"#,
            #"{"type":"answer","turn":1,"side":"a","ts":"not a time"}"#,
            #"{"type":"answer","turn":1,"side":"a","ts":"2026-11-25T15:31:59.250Z","status":"brand-new-word"}"#,
            #"{"type":"user","turn":3,"prompt":"p","mmlu":null}"#,
            #"{"type":"user","turn":3}"#,
            #"{"type":"user","turn":3,"prompt":"p","v":"one"}"#,
            #"{"type":"answer","turn":1,"side":"a""#,
            #"[]"#,
        ]
        for line in lines {
            let (fast, full) = bothWays(line)
            if fast != nil { #expect(fast == full, "\(line)") }
            if full == nil { #expect(fast == nil, "\(line)") }
        }
    }
}
