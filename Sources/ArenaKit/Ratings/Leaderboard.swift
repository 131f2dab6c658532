import Foundation

/// What goes into a leaderboard and how it is computed.
public struct LeaderboardOptions: Sendable, Hashable {
    /// Include votes cast with the model names visible. Off by default: only blind
    /// (anonymous) votes are free of brand bias.
    public var includeNamed: Bool
    /// Bootstrap rounds for the confidence intervals; 0 skips them.
    public var bootstrapRounds: Int
    /// The confidence level of the intervals (0.95 gives the 2.5th and 97.5th percentiles).
    public var confidenceLevel: Double
    /// The Bradley-Terry settings (scale, anchor, regularisation, tolerance).
    public var bradleyTerry: BradleyTerry
    /// The online Elo settings shown for comparison.
    public var elo: OnlineElo
    /// A model with fewer battles than this is marked as having few battles and gets no
    /// interval: a bootstrap over a handful of votes says nothing (with one vote every
    /// resample is the same vote, and the interval would have zero width).
    public var minimumBattlesForInterval: Int

    /// Creates options; the defaults are anonymous votes only, 1000 rounds, 95%, intervals
    /// from 10 battles on.
    public init(
        includeNamed: Bool = false,
        bootstrapRounds: Int = 1000,
        confidenceLevel: Double = 0.95,
        bradleyTerry: BradleyTerry = BradleyTerry(),
        elo: OnlineElo = OnlineElo(),
        minimumBattlesForInterval: Int = 10
    ) {
        self.includeNamed = includeNamed
        self.bootstrapRounds = bootstrapRounds
        self.confidenceLevel = confidenceLevel
        self.bradleyTerry = bradleyTerry
        self.elo = elo
        self.minimumBattlesForInterval = minimumBattlesForInterval
    }
}

/// One model's line on the leaderboard.
public struct LeaderboardRow: Sendable, Hashable, Codable {
    /// Position by rating, 1 first; models with equal ratings share a rank ("1224" ranking).
    public var rank: Int
    /// 1 + the number of models whose whole interval lies above this model's interval: the
    /// best rank the data cannot rule out (Chatbot Arena's "Rank (UB)"). Without intervals
    /// it equals `rank`.
    public var rankUpperBound: Int
    /// The model's name.
    public var model: String
    /// The Bradley-Terry rating on the Elo scale.
    public var rating: Double
    /// The interval's lower bound; nil without bootstrap or when the interval is unknown
    /// (too few battles, or a bootstrap that could not vary).
    public var ciLower: Double?
    /// The interval's upper bound; nil like `ciLower`.
    public var ciUpper: Double?
    /// The online Elo rating, for comparison.
    public var elo: Double
    /// Battles fought.
    public var battles: Int
    /// Battles won.
    public var wins: Int
    /// Battles tied (including both-bad).
    public var ties: Int
    /// Battles lost.
    public var losses: Int
    /// Whether the model has fewer battles than `Leaderboard.minimumBattlesForInterval`: its
    /// rating rests on a handful of votes and its interval is unknown.
    public var fewBattles: Bool

    /// Creates a row; normally produced by `Leaderboard.compute`.
    public init(
        rank: Int,
        rankUpperBound: Int,
        model: String,
        rating: Double,
        ciLower: Double?,
        ciUpper: Double?,
        elo: Double,
        battles: Int,
        wins: Int,
        ties: Int,
        losses: Int,
        fewBattles: Bool = false
    ) {
        self.rank = rank
        self.rankUpperBound = rankUpperBound
        self.model = model
        self.rating = rating
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.elo = elo
        self.battles = battles
        self.wins = wins
        self.ties = ties
        self.losses = losses
        self.fewBattles = fewBattles
    }

    enum CodingKeys: String, CodingKey {
        case rank
        case rankUpperBound = "rank_ub"
        case model
        case rating
        case ciLower = "ci_lower"
        case ciUpper = "ci_upper"
        case elo
        case battles
        case wins
        case ties
        case losses
        case fewBattles = "few_battles"
    }

    /// Encodes every key, with JSON null for missing interval bounds, so the keys are stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(rankUpperBound, forKey: .rankUpperBound)
        try container.encode(model, forKey: .model)
        try container.encode(rating, forKey: .rating)
        try container.encode(ciLower, forKey: .ciLower)
        try container.encode(ciUpper, forKey: .ciUpper)
        try container.encode(elo, forKey: .elo)
        try container.encode(battles, forKey: .battles)
        try container.encode(wins, forKey: .wins)
        try container.encode(ties, forKey: .ties)
        try container.encode(losses, forKey: .losses)
        try container.encode(fewBattles, forKey: .fewBattles)
    }
}

/// The ranking computed from a set of battles: Bradley-Terry ratings with bootstrap intervals,
/// online Elo for comparison, battle counts and the head-to-head win-rate matrix.
public struct Leaderboard: Sendable, Hashable, Codable {
    /// The models, best first.
    public var rows: [LeaderboardRow]
    /// Battles the ratings were computed from (after filtering).
    public var battleCount: Int
    /// Battles left out because the names were visible and `includeNamed` was off.
    public var skippedNamedBattles: Int
    /// Self-play battles (same model on both sides) left out.
    public var skippedSelfPlayBattles: Int
    /// Whether only anonymous battles were used.
    public var anonymousOnly: Bool
    /// Bootstrap rounds behind the intervals (0 when none).
    public var bootstrapRounds: Int
    /// The intervals' confidence level, such as 0.95 (0 when none).
    public var confidenceLevel: Double
    /// Whether every Bradley-Terry fit converged (it virtually always does).
    public var converged: Bool
    /// Models with fewer battles than this have no interval and are marked `fewBattles`.
    public var minimumBattlesForInterval: Int
    /// The head-to-head matrix, in the order of `rows`.
    public var winRates: WinRateMatrix

    enum CodingKeys: String, CodingKey {
        case rows
        case battleCount = "battles"
        case skippedNamedBattles = "skipped_named_battles"
        case skippedSelfPlayBattles = "skipped_self_play_battles"
        case anonymousOnly = "anonymous_only"
        case bootstrapRounds = "bootstrap_rounds"
        case confidenceLevel = "confidence_level"
        case converged
        case minimumBattlesForInterval = "min_battles_for_interval"
        case winRates = "win_rates"
    }

    /// Computes the leaderboard with the system random number generator for the bootstrap.
    ///
    /// - Throws: `RatingsError` for invalid options.
    public static func compute(from battles: [Battle], options: LeaderboardOptions = LeaderboardOptions()) throws
        -> Leaderboard
    {
        var generator = SystemRandomNumberGenerator()
        return try compute(from: battles, options: options, using: &generator)
    }

    /// Computes the leaderboard. Battles are filtered (named ones unless `includeNamed`;
    /// self-play always), ordered by timestamp for online Elo (stable for equal timestamps),
    /// and bootstrapped with `generator`, so a seeded generator gives identical output.
    ///
    /// - Throws: `RatingsError` for invalid options.
    public static func compute<Generator: RandomNumberGenerator>(
        from battles: [Battle],
        options: LeaderboardOptions = LeaderboardOptions(),
        using generator: inout Generator
    ) throws -> Leaderboard {
        let nonSelfPlay = battles.filter { !$0.isSelfPlay }
        let used = options.includeNamed ? nonSelfPlay : nonSelfPlay.filter(\.anonymous)
        let chronological = used.enumerated()
            .sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
            .map(\.element)

        let fit = try options.bradleyTerry.fit(
            chronological,
            bootstrapRounds: options.bootstrapRounds,
            confidenceLevel: options.confidenceLevel,
            using: &generator
        )
        let elo = options.elo.ratings(for: chronological)
        let records = BattleTally.records(chronological)

        let ordered = fit.ratings.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var rows: [LeaderboardRow] = []
        for (position, entry) in ordered.enumerated() {
            let record = records[entry.key] ?? ModelRecord()
            let fewBattles = record.battles < options.minimumBattlesForInterval
            let interval = fewBattles ? nil : fit.intervals[entry.key].flatMap(Self.informative)
            let sharesRank = position > 0 && ordered[position - 1].value == entry.value
            let rank = sharesRank ? rows[position - 1].rank : position + 1
            rows.append(
                LeaderboardRow(
                    rank: rank,
                    rankUpperBound: 1,
                    model: entry.key,
                    rating: entry.value,
                    ciLower: interval?.lower,
                    ciUpper: interval?.upper,
                    elo: elo[entry.key] ?? options.elo.initialRating,
                    battles: record.battles,
                    wins: record.wins,
                    ties: record.ties,
                    losses: record.losses,
                    fewBattles: fewBattles
                )
            )
        }
        assignRankUpperBounds(&rows, haveIntervals: fit.bootstrapRounds > 0)

        return Leaderboard(
            rows: rows,
            battleCount: chronological.count,
            skippedNamedBattles: nonSelfPlay.count - used.count,
            skippedSelfPlayBattles: battles.count - nonSelfPlay.count,
            anonymousOnly: !options.includeNamed,
            bootstrapRounds: fit.bootstrapRounds,
            confidenceLevel: fit.confidenceLevel,
            converged: fit.converged,
            minimumBattlesForInterval: options.minimumBattlesForInterval,
            winRates: WinRateMatrix(battles: chronological, order: rows.map(\.model))
        )
    }

    /// An interval the bootstrap could say something with; nil for one of (about) zero width,
    /// which only comes from resamples that could not differ (a single vote, or every battle
    /// of the model with the same outcome against the same opponent).
    static func informative(_ interval: ConfidenceInterval) -> ConfidenceInterval? {
        interval.upper - interval.lower < 0.5 ? nil : interval
    }

    /// Sets each row's `rankUpperBound`: 1 + the models whose whole interval lies above the
    /// row's. An unknown interval spans everything: nothing is clearly above it and it is
    /// clearly above nothing. Without a bootstrap the ratings themselves are compared.
    static func assignRankUpperBounds(_ rows: inout [LeaderboardRow], haveIntervals: Bool) {
        func bounds(_ row: LeaderboardRow) -> (lower: Double, upper: Double) {
            guard haveIntervals else { return (row.rating, row.rating) }
            return (row.ciLower ?? -.infinity, row.ciUpper ?? .infinity)
        }
        let lowerBounds = rows.map { bounds($0).lower }.sorted()
        for index in rows.indices {
            let upper = bounds(rows[index]).upper
            // Binary search: how many lower bounds exceed `upper`.
            var low = 0
            var high = lowerBounds.count
            while low < high {
                let middle = (low + high) / 2
                if lowerBounds[middle] > upper { high = middle } else { low = middle + 1 }
            }
            rows[index].rankUpperBound = 1 + lowerBounds.count - low
        }
    }

    /// The leaderboard as pretty-printed JSON with sorted keys (stable, diff-friendly). Every
    /// control character in a string, C1 included, is written as a `\u` escape.
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return JSONControlEscaping.escape(String(decoding: try encoder.encode(self), as: UTF8.self))
    }
}
