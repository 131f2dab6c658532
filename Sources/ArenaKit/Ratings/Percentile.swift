/// Percentiles by linear interpolation between closest ranks (the method numpy and pandas use
/// by default, "type 7"): for `p` in 0...100 over `n` sorted values the position is
/// `(n − 1) × p / 100`, and the result interpolates between the two values around it.
public enum Percentile {
    /// The `p`-th percentile (0...100) of `sortedValues`, which must be sorted ascending;
    /// nil when there are no values. `p` outside 0...100 is clamped.
    public static func linear(_ p: Double, ofSorted sortedValues: [Double]) -> Double? {
        guard let first = sortedValues.first else { return nil }
        guard sortedValues.count > 1 else { return first }
        let clamped = min(max(p, 0), 100)
        let position = Double(sortedValues.count - 1) * clamped / 100
        let lowerIndex = Int(position.rounded(.down))
        let upperIndex = min(lowerIndex + 1, sortedValues.count - 1)
        let fraction = position - Double(lowerIndex)
        return sortedValues[lowerIndex] + (sortedValues[upperIndex] - sortedValues[lowerIndex]) * fraction
    }

    /// The `p`-th percentile (0...100) of `values` in any order; nil when there are none.
    public static func linear(_ p: Double, of values: [Double]) -> Double? {
        linear(p, ofSorted: values.sorted())
    }
}
