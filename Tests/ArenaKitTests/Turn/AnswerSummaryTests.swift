import Foundation
import Testing
@testable import ArenaKit

/// Footers fitted to a width: whole figures dropped, least important first, never a cut number.
@Suite struct AnswerSummaryTests {
    private let start = ContinuousClock.now

    /// A finished answer with every figure: TTFT, speed, tokens, total time and cost.
    private func finished(_ status: AnswerStatus = .done, finishReason: FinishReason? = nil) -> AnswerProgress {
        var progress = AnswerProgress(
            status: status, startedAt: start, firstTokenAt: start + .milliseconds(512), endedAt: start + .milliseconds(12_345),
            outputTokens: 1234, tokensAreEstimated: false, cost: 0.01234)
        progress.finishReason = finishReason
        return progress
    }

    private func parts(_ line: String) -> [String] {
        line.components(separatedBy: " · ")
    }

    @Test func theFullSummaryHasEveryFigure() {
        let line = finished().summary(now: start)
        #expect(line == "done · TTFT 0.51s · 104.2 tok/s · 1234 tok · 12.3s total · $0.0123")
    }

    @Test func atEveryWidthTheFooterFitsAndKeepsOnlyWholeFigures() {
        var withNote = finished()
        withNote.note = "✓ correct (B)"
        for progress in [finished(), withNote, finished(finishReason: .length)] {
            let full = parts(progress.summary(now: start))
            for width in 1...120 {
                let line = progress.summary(now: start, width: width)
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
                guard line.hasSuffix("…") == false else {
                    // Only the status (and note) themselves are ever shortened, at a word.
                    #expect(DisplayWidth.of(full.prefix(progress.note == nil ? 1 : 2).joined(separator: " · ")) > width)
                    continue
                }
                // Every figure shown is one of the full footer's, whole, in the same order.
                var remaining = full[...]
                for part in parts(line) {
                    let index = remaining.firstIndex(of: part)
                    #expect(index != nil, "width \(width): '\(part)' is not a whole figure of \(full)")
                    if let index { remaining = remaining[(index + 1)...] }
                }
                #expect(parts(line).first == full.first)
                if progress.note != nil && width >= 30 { #expect(parts(line).contains("✓ correct (B)")) }
            }
        }
    }

    @Test func figuresGoInTheDocumentedOrder() {
        let progress = finished()
        let full = progress.summary(now: start)
        func shown(at width: Int) -> [String] { parts(progress.summary(now: start, width: width)) }
        #expect(!shown(at: DisplayWidth.of(full) - 1).contains("$0.0123"))
        #expect(shown(at: DisplayWidth.of(full) - 1).contains("12.3s total"))
        let withoutCostAndTotal = "done · TTFT 0.51s · 104.2 tok/s · 1234 tok"
        #expect(shown(at: DisplayWidth.of(withoutCostAndTotal)) == parts(withoutCostAndTotal))
        #expect(shown(at: DisplayWidth.of("done · 104.2 tok/s · 1234 tok")) == ["done", "104.2 tok/s", "1234 tok"])
        #expect(shown(at: DisplayWidth.of("done · 1234 tok")) == ["done", "1234 tok"])
        #expect(shown(at: 6) == ["done"])
    }

    @Test func theStatusSaysHowTheAnswerEnded() {
        #expect(finished(finishReason: .length).summary(now: start, width: 20) == "cut at max tokens")
        #expect(finished(finishReason: .stop).statusPhrase == "done")
        #expect(finished(.failed(message: "blocked by the content filter"), finishReason: .contentFilter).statusPhrase == "stopped by content filter")
        // The error itself is shown in the column; the footer only names it.
        #expect(finished(.failed(message: "gpt: HTTP 400: bad request")).summary(now: start).hasPrefix("error · "))
        #expect(finished(finishReason: .length).ending == "cut at max tokens")
        #expect(finished().ending == nil)
        // One wording, the finish reason's, in the footer and in a pipe's ending.
        for reason in [FinishReason.length, .contentFilter] {
            let stopped = finished(reason == .length ? .done : .failed(message: "blocked"), finishReason: reason)
            #expect(stopped.statusPhrase == reason.stopPhrase && stopped.ending == reason.stopPhrase)
        }
        #expect(finished(finishReason: .contentFilter).statusPhrase == "stopped by content filter")
        #expect(FinishReason.stop.stopPhrase == nil && FinishReason.other("x").stopPhrase == nil)
        let kept = AnswerProgress.kept(Answer(text: "x", status: .done, usage: TokenUsage(outputTokens: 3)), at: start)
        #expect(kept.summary(now: start) == "kept · 3 tok")
        #expect(kept.ending == nil)
    }

    @Test func aKeptAnswerKeepsHowItEnded() {
        var cut = Answer(text: "x y", status: .done, usage: TokenUsage(outputTokens: 2))
        cut.finishReason = .length
        let keptCut = AnswerProgress.kept(cut, at: start)
        #expect(keptCut.summary(now: start) == "kept · cut at max tokens · 2 tok")
        #expect(keptCut.ending == "kept · cut at max tokens")
        var filtered = Answer(text: "x", status: .failed(message: "blocked by the content filter"))
        filtered.finishReason = .contentFilter
        #expect(AnswerProgress.kept(filtered, at: start).statusPhrase == "kept · stopped by content filter")
        #expect(AnswerProgress.kept(Answer(text: "x", status: .interrupted), at: start).statusPhrase == "kept · interrupted")
        let plain = AnswerProgress.kept(Answer(text: "x", status: .done), at: start)
        #expect(plain.statusPhrase == "kept" && plain.ending == nil)
    }
}
