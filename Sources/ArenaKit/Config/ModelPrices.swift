/// What a model costs, in the configured currency per million tokens.
public struct ModelPrices: Sendable, Hashable, Codable {
    var inputPerMillion: Double
    var outputPerMillion: Double

    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    /// The cost of an answer with `usage`, or `nil` when a count is missing.
    public func cost(of usage: TokenUsage) -> Double? {
        guard let input = usage.inputTokens, let output = usage.outputTokens else { return nil }
        return (Double(input) * inputPerMillion + Double(output) * outputPerMillion) / 1_000_000
    }
}
