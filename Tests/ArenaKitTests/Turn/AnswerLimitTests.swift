import Testing
@testable import ArenaKit

/// Issue 11: an answer larger than the documented limit is cut and marked, so a server that
/// streams without end cannot make arena hold unbounded memory (a 50 MB answer once took 211 MB).
@Suite struct AnswerLimitTests {
    @Test func anAnswerBeyondTheLimitIsCutAtACharacterAndMarked() {
        let collector = AnswerCollector(side: .a, observers: TurnObservers(all: []), prices: nil, startedAt: .now)
        let piece = String(repeating: "é", count: 32 * 1024)  // 64 KiB of two-byte characters
        for _ in 0..<(AnswerCollector.textLimit / piece.utf8.count + 10) {
            collector.receive(.text(piece))
        }
        collector.receive(.text("dropped"))
        let (answer, _) = collector.finish(.done)
        #expect(answer.text.hasSuffix(AnswerCollector.cutMarker))
        #expect(answer.text.utf8.count == AnswerCollector.textLimit + AnswerCollector.cutMarker.utf8.count)
        #expect(!answer.text.contains("dropped"))
        #expect(answer.status == .done)
    }

    @Test func anAnswerWithinTheLimitIsKeptWhole() {
        let collector = AnswerCollector(side: .b, observers: TurnObservers(all: []), prices: nil, startedAt: .now)
        collector.receive(.reasoning("think "))
        collector.receive(.text("answer"))
        let (answer, _) = collector.finish(.done)
        #expect(answer.text == "answer" && answer.reasoning == "think ")
    }
}
