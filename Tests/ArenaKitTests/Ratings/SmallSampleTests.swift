import Foundation
import Testing

@testable import ArenaKit

@Suite("Small samples look small")
struct SmallSampleTests {
    private func board(_ battles: [Battle], rounds: Int = 200) throws -> Leaderboard {
        var generator = RatingsTestGenerator(seed: 3)
        return try Leaderboard.compute(from: battles, options: LeaderboardOptions(bootstrapRounds: rounds), using: &generator)
    }

    @Test("one vote: no interval, both models marked, no +0/-0, rank bound unknown")
    func oneVote() throws {
        let leaderboard = try board([battle("alpha", "beta", .aWins)])
        #expect(leaderboard.rows.allSatisfy { $0.fewBattles && $0.ciLower == nil && $0.ciUpper == nil })
        #expect(leaderboard.rows.allSatisfy { $0.rankUpperBound == 1 })
        let text = LeaderboardTextRenderer().render(leaderboard)
        #expect(!text.contains("+0/-0"))
        let rows = text.components(separatedBy: "\n").dropFirst().prefix(2)
        #expect(rows.allSatisfy { $0.contains(" ? ") && $0.contains("1*") })
        #expect(text.contains("* fewer than 10 battles"))
        let csv = LeaderboardCSV.render(leaderboard).components(separatedBy: "\r\n")
        #expect(csv[1].hasSuffix(",true") && csv[1].contains(",,"))
        #expect(try leaderboard.jsonString().contains("\"few_battles\" : true"))
    }

    @Test("a model above the minimum gets its interval, one below it does not")
    func mixed() throws {
        var battles = (0..<30).map { index in battle("alpha", "beta", index % 3 == 0 ? .bWins : .aWins, second: Double(index)) }
        battles.append(battle("gamma", "alpha", .aWins, second: 40))
        let leaderboard = try board(battles)
        let byName = Dictionary(uniqueKeysWithValues: leaderboard.rows.map { ($0.model, $0) })
        #expect(byName["alpha"]?.fewBattles == false && byName["alpha"]?.ciLower != nil)
        #expect(byName["beta"]?.fewBattles == false && byName["beta"]?.ciLower != nil)
        #expect(byName["gamma"]?.fewBattles == true && byName["gamma"]?.ciLower == nil)
        for row in leaderboard.rows {
            if let lower = row.ciLower, let upper = row.ciUpper { #expect(upper - lower >= 0.5) }
        }
    }

    @Test("an undefeated record the bootstrap cannot vary gets no zero-width interval")
    func degenerate() throws {
        let battles = (0..<12).map { battle("alpha", "beta", .aWins, second: Double($0)) }
        let leaderboard = try board(battles)
        #expect(leaderboard.rows.allSatisfy { !$0.fewBattles && $0.ciLower == nil })
        #expect(!LeaderboardTextRenderer().render(leaderboard).contains("+0/-0"))
    }

    @Test("without a bootstrap the interval column shows -, the few-battles mark stays")
    func noRounds() throws {
        let leaderboard = try board([battle("alpha", "beta", .aWins)], rounds: 0)
        let text = LeaderboardTextRenderer().render(leaderboard)
        #expect(text.contains("no intervals"))
        #expect(!text.contains(" ? "))
        #expect(text.contains("1*"))
        #expect(leaderboard.rows.map(\.rankUpperBound) == [1, 2])
    }
}
