/// One model's win, tie and loss counts across a set of battles.
public struct ModelRecord: Sendable, Hashable, Codable {
    /// Battles the model took part in (self-play excluded).
    public var battles: Int
    /// Battles it won.
    public var wins: Int
    /// Battles judged a tie, including both-bad.
    public var ties: Int
    /// Battles it lost.
    public var losses: Int

    /// Creates a record from its counts.
    public init(battles: Int = 0, wins: Int = 0, ties: Int = 0, losses: Int = 0) {
        self.battles = battles
        self.wins = wins
        self.ties = ties
        self.losses = losses
    }
}

/// Counts battles per model.
public enum BattleTally {
    /// Each model's record over `battles`; self-play battles are skipped.
    public static func records(_ battles: [Battle]) -> [String: ModelRecord] {
        var records: [String: ModelRecord] = [:]
        for battle in battles where !battle.isSelfPlay {
            var a = records[battle.modelA, default: ModelRecord()]
            var b = records[battle.modelB, default: ModelRecord()]
            a.battles += 1
            b.battles += 1
            switch battle.outcome {
            case .aWins:
                a.wins += 1
                b.losses += 1
            case .bWins:
                a.losses += 1
                b.wins += 1
            case .tie, .bothBad:
                a.ties += 1
                b.ties += 1
            }
            records[battle.modelA] = a
            records[battle.modelB] = b
        }
        return records
    }
}
