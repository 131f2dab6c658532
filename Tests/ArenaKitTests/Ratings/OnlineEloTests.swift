import Testing

@testable import ArenaKit

@Suite("Online Elo")
struct OnlineEloTests {
    @Test("one win from 1000/1000 moves each side by K/2")
    func singleWin() {
        // Expected score 0.5 for equal ratings; A gains 4 × (1 − 0.5) = 2, B loses 2.
        let ratings = OnlineElo().ratings(for: [battle("a", "b", .aWins)])
        #expect(abs(ratings["a"]! - 1002) < 1e-9)
        #expect(abs(ratings["b"]! - 998) < 1e-9)
    }

    @Test("a win, a loss and a tie, by hand")
    func sequence() {
        // 1. a beats b: a 1002, b 998.
        // 2. b beats a: E_a = 1 / (1 + 10^((998 − 1002)/400)) = 1 / (1 + 10^−0.01) = 0.5057562;
        //    a = 1002 − 4 × 0.5057562 = 999.9769752, b = 998 + 4 × 0.5057562 = 1000.0230248.
        // 3. tie: E_a = 1 / (1 + 10^(0.0460497/400)) = 0.4999337;
        //    a = 999.9769752 + 4 × (0.5 − 0.4999337) = 999.9772402, b = 1000.0227598.
        let ratings = OnlineElo().ratings(for: [
            battle("a", "b", .aWins), battle("b", "a", .aWins), battle("a", "b", .tie),
        ])
        #expect(abs(ratings["a"]! - 999.9772402) < 1e-6)
        #expect(abs(ratings["b"]! - 1000.0227598) < 1e-6)
    }

    @Test("both-bad scores exactly like a tie")
    func bothBadIsATie() {
        let start = [battle("a", "b", .aWins)]
        let tie = OnlineElo().ratings(for: start + [battle("a", "b", .tie)])
        let bad = OnlineElo().ratings(for: start + [battle("a", "b", .bothBad)])
        #expect(tie == bad)
    }

    @Test("the rating total is conserved and self-play ignored")
    func conservation() {
        let battles = syntheticBattles(strengths: ["x": 1100, "y": 1000, "z": 900], count: 200, tieRate: 0.1, seed: 3)
            + [battle("x", "x", .aWins)]
        let ratings = OnlineElo().ratings(for: battles)
        #expect(abs(ratings.values.reduce(0, +) - 3000) < 1e-6)
        #expect(ratings.count == 3)
    }

    @Test("K, initial rating and scale are honoured")
    func settings() {
        // K 32 from 1500: the winner gains 16.
        let ratings = OnlineElo(k: 32, initialRating: 1500).ratings(for: [battle("a", "b", .bWins)])
        #expect(ratings["b"] == 1516)
        #expect(ratings["a"] == 1484)
    }
}
