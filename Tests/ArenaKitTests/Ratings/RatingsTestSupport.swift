import Foundation

@testable import ArenaKit

/// The seeded generator the ratings tests use.
typealias RatingsTestGenerator = SplitMix64

/// Builds battles tersely: `battle("a", "b", .aWins)`, one second apart by `second`.
func battle(
    _ modelA: String,
    _ modelB: String,
    _ outcome: BattleOutcome,
    anonymous: Bool = true,
    second: Double = 0
) -> Battle {
    Battle(
        modelA: modelA,
        modelB: modelB,
        outcome: outcome,
        anonymous: anonymous,
        timestamp: Date(timeIntervalSince1970: 1_700_000_000 + second)
    )
}

/// `count` battles between models of known Elo-scale `strengths`, pairs and sides drawn at
/// random, a tie with probability `tieRate`, otherwise a win with the Bradley-Terry probability.
func syntheticBattles(
    strengths: [String: Double],
    count: Int,
    tieRate: Double,
    seed: UInt64
) -> [Battle] {
    var generator = RatingsTestGenerator(seed: seed)
    let models = strengths.keys.sorted()
    var battles: [Battle] = []
    for index in 0..<count {
        let a = models[Int.random(in: 0..<models.count, using: &generator)]
        var b = a
        while b == a { b = models[Int.random(in: 0..<models.count, using: &generator)] }
        let outcome: BattleOutcome
        if Double.random(in: 0..<1, using: &generator) < tieRate {
            outcome = Bool.random(using: &generator) ? .tie : .bothBad
        } else {
            let probabilityA = 1 / (1 + pow(10, (strengths[b]! - strengths[a]!) / 400))
            outcome = Double.random(in: 0..<1, using: &generator) < probabilityA ? .aWins : .bWins
        }
        battles.append(battle(a, b, outcome, second: Double(index)))
    }
    return battles
}
