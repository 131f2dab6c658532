import Foundation

/// Battles aggregated per pair of models, indexed for the solver: the sufficient statistics of
/// the Bradley-Terry likelihood. Models are numbered in name order so results never depend on
/// dictionary order.
struct PairwiseScores {
    /// Model names in ascending order; a model's index is its position here.
    let models: [String]
    /// For every pair that met, the lower model index.
    let first: [Int]
    /// For every pair that met, the higher model index.
    let second: [Int]
    /// For every pair, the first model's total score (wins plus half the ties).
    var firstScore: [Double]
    /// For every pair, the number of battles between them.
    var games: [Double]
    /// For every battle (self-play removed), the pair it belongs to.
    let battlePair: [Int]
    /// For every battle, the score of the pair's first model.
    let battleFirstScore: [Double]

    /// Aggregates `battles`, skipping self-play.
    init(_ battles: [Battle]) {
        let played = battles.filter { !$0.isSelfPlay }
        var names = Set<String>()
        for battle in played {
            names.insert(battle.modelA)
            names.insert(battle.modelB)
        }
        models = names.sorted()
        var index: [String: Int] = [:]
        for (position, name) in models.enumerated() { index[name] = position }

        var pairIndex: [Int: Int] = [:]
        var first: [Int] = []
        var second: [Int] = []
        var firstScore: [Double] = []
        var games: [Double] = []
        var battlePair: [Int] = []
        var battleFirstScore: [Double] = []
        battlePair.reserveCapacity(played.count)
        battleFirstScore.reserveCapacity(played.count)
        let count = models.count
        for battle in played {
            let a = index[battle.modelA]!
            let b = index[battle.modelB]!
            let (low, high) = a < b ? (a, b) : (b, a)
            let score = a < b ? battle.outcome.scoreA : 1 - battle.outcome.scoreA
            let key = low * count + high
            let pair: Int
            if let known = pairIndex[key] {
                pair = known
            } else {
                pair = first.count
                pairIndex[key] = pair
                first.append(low)
                second.append(high)
                firstScore.append(0)
                games.append(0)
            }
            firstScore[pair] += score
            games[pair] += 1
            battlePair.append(pair)
            battleFirstScore.append(score)
        }
        self.first = first
        self.second = second
        self.firstScore = firstScore
        self.games = games
        self.battlePair = battlePair
        self.battleFirstScore = battleFirstScore
    }

    /// The number of battles aggregated (self-play excluded).
    var battleCount: Int { battlePair.count }

    /// Replaces the pair totals with those of a bootstrap resample: `battleCount` battles drawn
    /// with replacement, by a fast generator seeded from one draw of `generator` (so a seeded
    /// `generator` gives the same resample, and a slow one such as the system generator costs
    /// one call per round instead of one per battle).
    mutating func resample(using generator: inout some RandomNumberGenerator) {
        var random = BootstrapRandom(seed: generator.next())
        let count = battlePair.count
        firstScore.withUnsafeMutableBufferPointer { scores in
            games.withUnsafeMutableBufferPointer { games in
                for pair in scores.indices {
                    scores[pair] = 0
                    games[pair] = 0
                }
                guard count > 0 else { return }
                battlePair.withUnsafeBufferPointer { battlePair in
                    battleFirstScore.withUnsafeBufferPointer { battleFirstScore in
                        for _ in 0..<count {
                            let battle = random.index(below: count)
                            let pair = battlePair[battle]
                            scores[pair] += battleFirstScore[battle]
                            games[pair] += 1
                        }
                    }
                }
            }
        }
    }

    /// Whether each model took part in at least one battle of the current totals.
    func presence() -> [Bool] {
        var present = [Bool](repeating: false, count: models.count)
        for pair in games.indices where games[pair] > 0 {
            present[first[pair]] = true
            present[second[pair]] = true
        }
        return present
    }
}

/// The generator behind bootstrap resampling: ``SplitMix64``, small and fast, seeded per round.
struct BootstrapRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// A uniform index in 0..<bound by Lemire's multiply-shift; the bias, below bound / 2⁶⁴,
    /// is far too small to matter for resampling.
    mutating func index(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
