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

    @Test(arguments: [30, 40, 60, 80, 160]) func theLineFitsTheTerminal(columns: Int) throws {
        let line = ProgressBar.line(done: 1234, total: 14042, unit: "answers", elapsed: .seconds(98), columns: columns)
        #expect(DisplayWidth.of(line) < columns, "\(line)")
        // The count, and whatever figures are left, are whole.
        #expect(line.contains("1234/14042"), "\(line)")
        let parts = line.components(separatedBy: " · ")
        for part in parts.dropFirst() {
            #expect(part == "13/s" || part == "ETA 16:58", "a cut figure '\(part)' in \(line)")
        }
        let bar = line.firstMatch(of: /\[([█░]+)\]/).map { $0.output.1.count }
        switch columns {
        case 160, 80:
            #expect(line == ProgressBar.line(done: 1234, total: 14042, unit: "answers", elapsed: .seconds(98)))
        case 60:
            // The bar shrinks; everything else stays.
            #expect(bar.map { $0 < 30 && $0 >= 5 } == true && parts.count == 3, "\(line)")
        case 40:
            // The time left goes before the bar is too short to draw.
            #expect(bar != nil && parts.count == 2, "\(line)")
        default:
            #expect(parts.count <= 2, "\(line)")
        }
        let final = ProgressBar.finalLine(done: 14042, total: 14042, unit: "answers", elapsed: .seconds(1000), columns: columns)
        #expect(DisplayWidth.of(final) < columns, "\(final)")
        #expect(final.hasPrefix("14042/14042 ") && final.contains(" in 1000.0s"), "\(final)")
    }

    @Test func anUnknownWidthKeepsTheFullLine() {
        #expect(ProgressBar.line(done: 10, total: 50, unit: "answers", elapsed: .seconds(4), columns: nil) == "[██████░░░░░░░░░░░░░░░░░░░░░░░░] 10/50 answers · 2.5/s · ETA 0:16")
        #expect(ProgressBar.line(done: 10, total: 50, unit: "answers", elapsed: .seconds(4), columns: 12) == "10/50")
    }

    @Test func longEstimatesCountHours() {
        #expect(ProgressBar.clock(3725) == "1:02:05")
        #expect(ProgressBar.clock(59.2) == "1:00")
    }
}
