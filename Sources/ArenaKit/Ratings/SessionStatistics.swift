/// The metrics of one answer, as `/stats` needs them.
public struct AnswerSample: Sendable, Hashable, Codable {
    /// The model that answered (its real name; blind sessions should reveal before `/stats`).
    public var model: String
    /// Seconds from request to first token, nil if unknown (for example a failed answer).
    public var timeToFirstToken: Double?
    /// Output tokens per second, nil if unknown.
    public var tokensPerSecond: Double?
    /// Output tokens, nil if unknown.
    public var outputTokens: Int?
    /// Whether `outputTokens` is an estimate rather than the provider's count.
    public var tokensEstimated: Bool
    /// The answer's cost in the configured currency, nil when the model has no prices.
    public var cost: Double?
    /// Whether the answer won its turn's vote (a tie is not a win).
    public var won: Bool

    /// Creates a sample.
    public init(
        model: String,
        timeToFirstToken: Double? = nil,
        tokensPerSecond: Double? = nil,
        outputTokens: Int? = nil,
        tokensEstimated: Bool = false,
        cost: Double? = nil,
        won: Bool = false
    ) {
        self.model = model
        self.timeToFirstToken = timeToFirstToken
        self.tokensPerSecond = tokensPerSecond
        self.outputTokens = outputTokens
        self.tokensEstimated = tokensEstimated
        self.cost = cost
        self.won = won
    }
}

/// Mean, median and 95th percentile of one metric; percentiles interpolate linearly
/// (see `Percentile.linear`).
public struct MetricSummary: Sendable, Hashable, Codable {
    /// How many samples had a value.
    public var count: Int
    /// The arithmetic mean.
    public var mean: Double
    /// The 50th percentile.
    public var p50: Double
    /// The 95th percentile.
    public var p95: Double

    /// Summarises `values`; nil when there are none.
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty,
            let p50 = Percentile.linear(50, ofSorted: sorted),
            let p95 = Percentile.linear(95, ofSorted: sorted)
        else { return nil }
        self.count = sorted.count
        self.mean = sorted.reduce(0, +) / Double(sorted.count)
        self.p50 = p50
        self.p95 = p95
    }
}

/// One model's numbers for the session.
public struct ModelSessionStatistics: Sendable, Hashable, Codable {
    /// The model.
    public var model: String
    /// Answers it gave.
    public var turns: Int
    /// Votes it won.
    public var wins: Int
    /// Time to first token in seconds, nil when never measured.
    public var timeToFirstToken: MetricSummary?
    /// Output tokens per second, nil when never measured.
    public var tokensPerSecond: MetricSummary?
    /// Output tokens over all answers that reported them.
    public var totalTokens: Int
    /// Whether any of those token counts was an estimate.
    public var tokensEstimated: Bool
    /// Total cost, nil when no answer had a price.
    public var totalCost: Double?
}

/// Per-model session summaries for `/stats`.
public enum SessionStatistics {
    /// Groups `samples` by model, in order of each model's first sample.
    public static func summarize(_ samples: [AnswerSample]) -> [ModelSessionStatistics] {
        var order: [String] = []
        var grouped: [String: [AnswerSample]] = [:]
        for sample in samples {
            if grouped[sample.model] == nil { order.append(sample.model) }
            grouped[sample.model, default: []].append(sample)
        }
        return order.map { model in
            let answers = grouped[model] ?? []
            let costs = answers.compactMap(\.cost)
            return ModelSessionStatistics(
                model: model,
                turns: answers.count,
                wins: answers.filter(\.won).count,
                timeToFirstToken: MetricSummary(answers.compactMap(\.timeToFirstToken)),
                tokensPerSecond: MetricSummary(answers.compactMap(\.tokensPerSecond)),
                totalTokens: answers.compactMap(\.outputTokens).reduce(0, +),
                tokensEstimated: answers.contains { $0.outputTokens != nil && $0.tokensEstimated },
                totalCost: costs.isEmpty ? nil : costs.reduce(0, +)
            )
        }
    }

    /// A plain-text table: model, turns, wins, TTFT mean/p50/p95 in seconds, tokens/s
    /// mean/p50/p95, total tokens ("~" prefix when estimated) and cost ("-" when unpriced).
    public static func renderText(_ statistics: [ModelSessionStatistics], currencySymbol: String = "$") -> String {
        var table = TextTable(alignments: [.left] + Array(repeating: .right, count: 10))
        table.append([
            "Model", "Turns", "Wins", "TTFT avg", "p50", "p95", "tok/s avg", "p50", "p95", "Tokens", "Cost",
        ])
        for entry in statistics {
            let ttft = entry.timeToFirstToken
            let speed = entry.tokensPerSecond
            table.append([
                entry.model,
                String(entry.turns),
                String(entry.wins),
                seconds(ttft?.mean),
                seconds(ttft?.p50),
                seconds(ttft?.p95),
                NumberText.fixed(speed?.mean, decimals: 1),
                NumberText.fixed(speed?.p50, decimals: 1),
                NumberText.fixed(speed?.p95, decimals: 1),
                (entry.tokensEstimated ? "~" : "") + String(entry.totalTokens),
                entry.totalCost.map { currencySymbol + NumberText.fixed($0, decimals: 4) } ?? "-",
            ])
        }
        return table.render()
    }

    private static func seconds(_ value: Double?) -> String {
        guard let value else { return "-" }
        return NumberText.fixed(value, decimals: 2) + "s"
    }
}
