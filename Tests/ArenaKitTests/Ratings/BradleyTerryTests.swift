import Foundation
import Testing

@testable import ArenaKit

@Suite("Bradley-Terry")
struct BradleyTerryTests {
    /// 400 · log10(3): the rating gap at which the stronger model wins 3 games in 4.
    static let threeToOneGap = 400 * log10(3.0)  // 190.8485

    @Test("3 wins to 1 gives a gap of 400·log10(3), centred on 1000")
    func threeToOne() {
        // MLE: P(a beats b) = 3/4, so 10^(gap/400) = 3. Mean anchored at 1000:
        // a = 1000 + 95.4243, b = 1000 − 95.4243.
        let battles = [
            battle("a", "b", .aWins), battle("b", "a", .bWins), battle("a", "b", .aWins), battle("a", "b", .bWins),
        ]
        let precise = BradleyTerry(regularization: 1e-6).fit(battles)
        #expect(abs(precise.ratings["a"]! - precise.ratings["b"]! - Self.threeToOneGap) < 0.01)
        #expect(abs(precise.ratings["a"]! - 1095.4243) < 0.01)
        #expect(abs(precise.ratings["b"]! + precise.ratings["a"]! - 2000) < 1e-6)
        #expect(precise.converged)

        // The default regularisation (0.01 virtual games) shrinks it by about a point.
        let regular = BradleyTerry().fit(battles)
        let gap = regular.ratings["a"]! - regular.ratings["b"]!
        #expect(gap < Self.threeToOneGap && gap > Self.threeToOneGap - 2)
    }

    @Test("a tie counts as half a win for each side; both-bad likewise")
    func tiesCountHalf() {
        // 2 wins + 2 ties = score 3 of 4 for a, the same likelihood as 3 wins to 1.
        for kind in [BattleOutcome.tie, .bothBad] {
            let battles = [battle("a", "b", .aWins), battle("a", "b", .aWins), battle("a", "b", kind), battle("b", "a", kind)]
            let fit = BradleyTerry(regularization: 1e-6).fit(battles)
            #expect(abs(fit.ratings["a"]! - fit.ratings["b"]! - Self.threeToOneGap) < 0.01)
        }
    }

    @Test("only ties leaves everyone at 1000")
    func allTies() {
        let fit = BradleyTerry().fit([battle("a", "b", .tie), battle("b", "c", .bothBad), battle("c", "a", .tie)])
        for model in ["a", "b", "c"] { #expect(abs(fit.ratings[model]! - 1000) < 1e-6) }
    }

    @Test("a symmetric cycle rates everyone equally")
    func cycle() {
        let fit = BradleyTerry().fit([battle("a", "b", .aWins), battle("b", "c", .aWins), battle("c", "a", .aWins)])
        for model in ["a", "b", "c"] { #expect(abs(fit.ratings[model]! - 1000) < 1e-6) }
    }

    @Test("a model that won everything gets a large but finite rating")
    func undefeated() {
        let battles = (0..<5).map { _ in battle("champ", "b", .aWins) } + [battle("b", "c", .tie)]
        let fit = BradleyTerry().fit(battles)
        #expect(fit.converged)
        #expect(fit.ratings.values.allSatisfy { $0.isFinite })
        #expect(fit.ratings["champ"]! > fit.ratings["b"]! + 400)
        #expect(abs(fit.ratings.values.reduce(0, +) / 3 - 1000) < 1e-6)
    }

    @Test("self-play is ignored and an empty input gives no ratings")
    func degenerate() {
        #expect(BradleyTerry().fit([]).ratings.isEmpty)
        #expect(BradleyTerry().fit([battle("a", "a", .aWins)]).ratings.isEmpty)
    }

    @Test("the ranking of known strengths is recovered from 3000 seeded battles")
    func syntheticRecovery() throws {
        let truth: [String: Double] = [
            "m1": 1300, "m2": 1150, "m3": 1050, "m4": 950, "m5": 850, "m6": 700,
        ]  // mean 1000, the anchor
        // With 10% ties (which the model does not predict, so the ratings are compressed a
        // little) the order is still recovered.
        let withTies = BradleyTerry().fit(syntheticBattles(strengths: truth, count: 3000, tieRate: 0.1, seed: 42))
        let recovered = withTies.ratings.sorted { $0.value > $1.value }.map(\.key)
        #expect(recovered == ["m1", "m2", "m3", "m4", "m5", "m6"])

        // Without ties the data follow the model exactly, and the ratings themselves come back
        // (standard error here is about 15 points).
        let exact = BradleyTerry().fit(syntheticBattles(strengths: truth, count: 3000, tieRate: 0, seed: 42))
        #expect(exact.ratings.sorted { $0.value > $1.value }.map(\.key) == ["m1", "m2", "m3", "m4", "m5", "m6"])
        for (model, rating) in truth {
            #expect(abs(exact.ratings[model]! - rating) < 40, "\(model): \(exact.ratings[model]!) vs \(rating)")
        }
    }

    @Test("bootstrap intervals hold the estimate, are deterministic per seed and narrow with data")
    func bootstrap() throws {
        let truth: [String: Double] = ["a": 1150, "b": 1000, "c": 850]
        let battles = syntheticBattles(strengths: truth, count: 600, tieRate: 0.1, seed: 7)
        var first = RatingsTestGenerator(seed: 1)
        var again = RatingsTestGenerator(seed: 1)
        var other = RatingsTestGenerator(seed: 2)
        let fit = try BradleyTerry().fit(battles, bootstrapRounds: 200, using: &first)
        let repeated = try BradleyTerry().fit(battles, bootstrapRounds: 200, using: &again)
        let different = try BradleyTerry().fit(battles, bootstrapRounds: 200, using: &other)
        #expect(fit == repeated)
        #expect(fit.intervals != different.intervals)
        #expect(fit.bootstrapRounds == 200 && fit.confidenceLevel == 0.95)
        for (model, rating) in fit.ratings {
            let interval = try #require(fit.intervals[model])
            #expect(interval.contains(rating))
            #expect(interval.upper - interval.lower > 5 && interval.upper - interval.lower < 150)
        }

        let more = syntheticBattles(strengths: truth, count: 4800, tieRate: 0.1, seed: 7)
        var generator = RatingsTestGenerator(seed: 1)
        let tighter = try BradleyTerry().fit(more, bootstrapRounds: 200, using: &generator)
        for model in truth.keys {
            let wide = fit.intervals[model]!.upper - fit.intervals[model]!.lower
            let narrow = tighter.intervals[model]!.upper - tighter.intervals[model]!.lower
            #expect(narrow < wide)
        }
    }

    @Test("invalid bootstrap settings are reported")
    func invalidSettings() {
        var generator = RatingsTestGenerator(seed: 1)
        #expect(throws: RatingsError.invalidBootstrapRounds(-1)) {
            try BradleyTerry().fit([], bootstrapRounds: -1, using: &generator)
        }
        #expect(throws: RatingsError.invalidConfidenceLevel(95)) {
            try BradleyTerry().fit([], bootstrapRounds: 10, confidenceLevel: 95, using: &generator)
        }
        #expect(RatingsError.invalidConfidenceLevel(95).description.contains("0.95"))
    }

    @Test("the Newton solver agrees with a plain MM (Zermelo) iteration")
    func agreesWithMinorizationMaximization() {
        let battles = syntheticBattles(strengths: ["p": 1100, "q": 1020, "r": 990, "s": 890], count: 400, tieRate: 0.2, seed: 11)
        let fit = BradleyTerry(regularization: 1e-9, tolerance: 1e-9).fit(battles)
        let reference = Self.zermeloRatings(battles)
        for (model, rating) in reference {
            #expect(abs(fit.ratings[model]! - rating) < 1e-3, "\(model)")
        }
    }

    /// Textbook MM: pᵢ ← Wᵢ / Σⱼ nᵢⱼ / (pᵢ + pⱼ), then ratings 400·log10(p) centred on 1000.
    static func zermeloRatings(_ battles: [Battle]) -> [String: Double] {
        let models = Set(battles.flatMap { [$0.modelA, $0.modelB] }).sorted()
        var wins: [String: Double] = [:]
        var games: [String: [String: Double]] = [:]
        for battle in battles {
            wins[battle.modelA, default: 0] += battle.outcome.scoreA
            wins[battle.modelB, default: 0] += 1 - battle.outcome.scoreA
            games[battle.modelA, default: [:]][battle.modelB, default: 0] += 1
            games[battle.modelB, default: [:]][battle.modelA, default: 0] += 1
        }
        var strength = Dictionary(uniqueKeysWithValues: models.map { ($0, 1.0) })
        for _ in 0..<20_000 {
            var next: [String: Double] = [:]
            for model in models {
                let denominator = games[model, default: [:]].reduce(0.0) { sum, entry in
                    sum + entry.value / (strength[model]! + strength[entry.key]!)
                }
                next[model] = wins[model]! / denominator
            }
            let scale = next.values.reduce(0, +) / Double(models.count)
            strength = next.mapValues { $0 / scale }
        }
        let logs = strength.mapValues { 400 * log10($0) }
        let mean = logs.values.reduce(0, +) / Double(logs.count)
        return logs.mapValues { 1000 + $0 - mean }
    }
}
