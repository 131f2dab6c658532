/// Why a rating computation could not run.
public enum RatingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The confidence level must lie strictly between 0 and 1 (for example 0.95).
    case invalidConfidenceLevel(Double)
    /// The number of bootstrap rounds must not be negative.
    case invalidBootstrapRounds(Int)

    /// A one-line explanation naming the bad setting.
    public var description: String {
        switch self {
        case .invalidConfidenceLevel(let level):
            return "leaderboard: confidence level \(level) is not between 0 and 1 (use e.g. 0.95)"
        case .invalidBootstrapRounds(let rounds):
            return "leaderboard: bootstrap rounds \(rounds) is negative (use 0 to skip intervals)"
        }
    }
}
