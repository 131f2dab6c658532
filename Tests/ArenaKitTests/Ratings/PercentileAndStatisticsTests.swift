import Testing

@testable import ArenaKit

@Suite("Percentiles and session statistics")
struct PercentileAndStatisticsTests {
    @Test("linear interpolation between closest ranks, as numpy's default")
    func percentiles() {
        // [1, 2, 3, 4]: p50 at position 1.5 → 2.5; p95 at 2.85 → 3 + 0.85 = 3.85; p0 → 1; p100 → 4.
        let values: [Double] = [4, 1, 3, 2]
        #expect(Percentile.linear(50, of: values) == 2.5)
        #expect(abs(Percentile.linear(95, of: values)! - 3.85) < 1e-12)
        #expect(Percentile.linear(0, of: values) == 1)
        #expect(Percentile.linear(100, of: values) == 4)
        #expect(Percentile.linear(2.5, ofSorted: [10, 20]) == 10.25)
        #expect(Percentile.linear(50, of: [7]) == 7)
        #expect(Percentile.linear(50, of: []) == nil)
        #expect(Percentile.linear(150, of: values) == 4)
    }

    @Test("per-model turns, wins, means, percentiles, tokens and cost")
    func summary() throws {
        let samples = [
            AnswerSample(model: "fast", timeToFirstToken: 0.2, tokensPerSecond: 100, outputTokens: 50, cost: 0.001, won: true),
            AnswerSample(model: "slow", timeToFirstToken: 1.0, tokensPerSecond: 20, outputTokens: 40, tokensEstimated: true),
            AnswerSample(model: "fast", timeToFirstToken: 0.4, tokensPerSecond: 80, outputTokens: 70, cost: 0.002),
            AnswerSample(model: "slow", won: true),
            AnswerSample(model: "fast", timeToFirstToken: 0.6, tokensPerSecond: 60, outputTokens: nil, cost: 0.003, won: true),
        ]
        let stats = SessionStatistics.summarize(samples)
        #expect(stats.map(\.model) == ["fast", "slow"])
        let fast = stats[0]
        #expect(fast.turns == 3 && fast.wins == 2)
        let ttft = try #require(fast.timeToFirstToken)
        #expect(ttft.count == 3)
        #expect(abs(ttft.mean - 0.4) < 1e-12)
        #expect(abs(ttft.p50 - 0.4) < 1e-12)
        #expect(abs(ttft.p95 - 0.58) < 1e-12)  // position 1.9 → 0.4 + 0.9 × 0.2
        #expect(fast.tokensPerSecond?.mean == 80)
        #expect(fast.totalTokens == 120 && !fast.tokensEstimated)
        #expect(abs(fast.totalCost! - 0.006) < 1e-12)

        let slow = stats[1]
        #expect(slow.turns == 2 && slow.wins == 1)
        #expect(slow.timeToFirstToken?.count == 1)
        #expect(slow.totalTokens == 40 && slow.tokensEstimated)
        #expect(slow.totalCost == nil)

        #expect(
            SessionStatistics.renderText(stats) == """
                Model  Turns  Wins  TTFT avg    p50    p95  tok/s avg   p50   p95  Tokens     Cost
                fast       3     2     0.40s  0.40s  0.58s       80.0  80.0  98.0     120  $0.0060
                slow       2     1     1.00s  1.00s  1.00s       20.0  20.0  20.0     ~40        -
                """
        )
    }

    @Test("a model without measurements shows dashes")
    func empty() {
        let text = SessionStatistics.renderText(SessionStatistics.summarize([AnswerSample(model: "m")]))
        #expect(text.components(separatedBy: "\n")[1] == "m          1     0         -    -    -          -    -    -       0     -")
        #expect(SessionStatistics.summarize([]).isEmpty)
    }

    @Test("fixed-point formatting rounds half away from zero and never prints -0")
    func numberText() {
        #expect(NumberText.fixed(1.005, decimals: 1) == "1.0")
        #expect(NumberText.fixed(2.5, decimals: 0) == "3")
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-12.345, decimals: 2) == "-12.35" || NumberText.fixed(-12.345, decimals: 2) == "-12.34")
        #expect(NumberText.fixed(1234.5, decimals: 2) == "1234.50")
        #expect(NumberText.fixed(0.05, decimals: 3) == "0.050")
        #expect(NumberText.fixed(nil, decimals: 2) == "-")
    }
}
