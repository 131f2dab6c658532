import Testing
@testable import ArenaKit

@Suite struct ProgressBarTests {
    @Test func theLineShowsCountRateAndTimeLeft() {
        let line = ProgressBar.line(done: 10, total: 50, unit: "answers", elapsed: .seconds(4), width: 10)
        #expect(line == "[██░░░░░░░░] 10/50 answers · 2.5/s · ETA 0:16")
    }

    @Test func nothingDoneYetHasNoRate() {
        #expect(ProgressBar.line(done: 0, total: 5, unit: "transcripts", elapsed: .seconds(1), width: 5) == "[░░░░░] 0/5 transcripts")
    }

    @Test func theFinalLineSaysHowLongItTook() {
        #expect(ProgressBar.finalLine(done: 50, total: 50, unit: "answers", elapsed: .milliseconds(10_000)) == "50/50 answers in 10.0s (5.0/s)")
        #expect(ProgressBar.line(done: 50, total: 50, unit: "answers", elapsed: .seconds(2), width: 4) == "[████] 50/50 answers · 25/s")
    }

    @Test func longEstimatesCountHours() {
        #expect(ProgressBar.clock(3725) == "1:02:05")
        #expect(ProgressBar.clock(59.2) == "1:00")
    }
}
