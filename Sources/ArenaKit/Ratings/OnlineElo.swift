import Foundation

/// Online (sequential) Elo, as in Chatbot Arena's original notebook: every battle moves both
/// ratings by `k × (score − expected)`, in the order the battles are given.
///
/// Kept for comparison with the Bradley-Terry ratings; unlike those it depends on the order
/// of the battles and drifts with `k`.
public struct OnlineElo: Sendable, Hashable {
    /// The step size per battle (Chatbot Arena uses 4).
    public var k: Double
    /// Every model's rating before its first battle.
    public var initialRating: Double
    /// Rating points for a factor of `base` in the odds of winning.
    public var scale: Double
    /// The base of the logistic curve (10 on the Elo scale).
    public var base: Double

    /// Creates an Elo calculator; the defaults are Chatbot Arena's (K 4, 1000, 400, base 10).
    public init(k: Double = 4, initialRating: Double = 1000, scale: Double = 400, base: Double = 10) {
        self.k = k
        self.initialRating = initialRating
        self.scale = scale
        self.base = base
    }

    /// The probability that a model rated `rating` beats one rated `opponent`.
    public func expectedScore(rating: Double, against opponent: Double) -> Double {
        1 / (1 + pow(base, (opponent - rating) / scale))
    }

    /// Replays `battles` in the order given and returns each model's final rating.
    /// Self-play battles are skipped; ties (including both-bad) score ½ for each side.
    public func ratings(for battles: [Battle]) -> [String: Double] {
        var rating: [String: Double] = [:]
        for battle in battles where !battle.isSelfPlay {
            let ratingA = rating[battle.modelA] ?? initialRating
            let ratingB = rating[battle.modelB] ?? initialRating
            let expectedA = expectedScore(rating: ratingA, against: ratingB)
            let scoreA = battle.outcome.scoreA
            // Both updates use the ratings from before this battle, so the sum is conserved.
            rating[battle.modelA] = ratingA + k * (scoreA - expectedA)
            rating[battle.modelB] = ratingB + k * ((1 - scoreA) - (1 - expectedA))
        }
        return rating
    }
}
