/// Head-to-head results: how often the row model beat the column model, ties counting half.
public struct WinRateMatrix: Sendable, Hashable, Codable {
    /// The models, in row (and column) order.
    public var models: [String]
    /// `winRates[row][column]`: the row model's score fraction against the column model, or
    /// nil when they never met (always nil on the diagonal).
    public var winRates: [[Double?]]
    /// `battleCounts[row][column]`: how many battles the two models fought.
    public var battleCounts: [[Int]]

    /// Builds the matrix from `battles` (self-play skipped). `order` fixes the row order (for
    /// example the leaderboard's); models missing from it follow in name order.
    public init(battles: [Battle], order: [String] = []) {
        var names = Set<String>()
        for battle in battles where !battle.isSelfPlay {
            names.insert(battle.modelA)
            names.insert(battle.modelB)
        }
        var models = order.filter { names.contains($0) }
        let listed = Set(models)
        models += names.subtracting(listed).sorted()
        var index: [String: Int] = [:]
        for (position, model) in models.enumerated() { index[model] = position }

        let count = models.count
        var scores = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        var games = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for battle in battles where !battle.isSelfPlay {
            let a = index[battle.modelA]!
            let b = index[battle.modelB]!
            scores[a][b] += battle.outcome.scoreA
            scores[b][a] += 1 - battle.outcome.scoreA
            games[a][b] += 1
            games[b][a] += 1
        }
        self.models = models
        self.battleCounts = games
        self.winRates = (0..<count).map { row in
            (0..<count).map { column in
                games[row][column] > 0 ? scores[row][column] / Double(games[row][column]) : nil
            }
        }
    }

    /// The fraction of battles `model` scored against `opponent` (ties half); nil if they never
    /// met or either is unknown.
    public func winRate(of model: String, against opponent: String) -> Double? {
        guard let row = models.firstIndex(of: model), let column = models.firstIndex(of: opponent) else {
            return nil
        }
        return winRates[row][column]
    }

    /// A plain-text table: one row per model, its win rate against each column model with two
    /// decimals, "-" where they never met. Columns are headed by the models' 1-based positions
    /// so that long names do not widen every column; no escape codes.
    public func renderText() -> String {
        var table = TextTable(alignments: [.right, .left] + Array(repeating: .right, count: models.count))
        table.append(["#", "Model (row beats column)"] + models.indices.map { String($0 + 1) })
        for (row, model) in models.enumerated() {
            table.append(
                [String(row + 1), TextSanitizer.sanitizeLine(model)] + winRates[row].map { NumberText.fixed($0, decimals: 2) }
            )
        }
        return table.render()
    }

    enum CodingKeys: String, CodingKey {
        case models
        case winRates = "win_rates"
        case battleCounts = "battle_counts"
    }

    /// Encodes every key, with JSON null for pairs that never met.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(models, forKey: .models)
        try container.encode(winRates, forKey: .winRates)
        try container.encode(battleCounts, forKey: .battleCounts)
    }
}
