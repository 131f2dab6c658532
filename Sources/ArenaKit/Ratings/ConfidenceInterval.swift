/// A two-sided interval around a rating, on the same scale as the rating.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The lower bound (for a 95% interval, the 2.5th percentile of the bootstrap ratings).
    public var lower: Double
    /// The upper bound (for a 95% interval, the 97.5th percentile of the bootstrap ratings).
    public var upper: Double

    /// Creates an interval from its bounds.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `value` lies inside the interval, bounds included.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
