/// A Wilson score confidence interval for a proportion (successes out of trials). Unlike the
/// normal approximation it stays within [0, 1] and behaves well for small samples and for
/// proportions near 0 or 1.
public struct MMLUWilsonInterval: Sendable, Hashable, Codable {
    /// The z value for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// The lower bound, in [0, 1].
    var lower: Double
    /// The upper bound, in [0, 1].
    var upper: Double

    /// The interval for `successes` out of `trials` at the given z (95% by default); nil when
    /// `trials` is zero or the counts are inconsistent.
    public init?(successes: Int, trials: Int, z: Double = MMLUWilsonInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / denominator
        lower = max(0, centre - halfWidth)
        upper = min(1, centre + halfWidth)
    }
}

/// One row of the accuracy table: a model and its tally.
public struct MMLUAccuracyRow: Sendable, Hashable {
    /// The model's name as shown in the table.
    public var model: String
    /// The model's results.
    public var tally: MMLUTally

    /// A row for `model` with `tally`.
    public init(model: String, tally: MMLUTally) {
        self.model = model
        self.tally = tally
    }
}

/// The plain-text table `arena mmlu` prints: accuracy per model with a 95% confidence interval.
///
///     model        right  wrong  unclear  unanswered   n  accuracy  95% CI
///     scribe-fast      7      2        0           1  10     70.0%  39.7%–89.2%
public enum MMLUAccuracyTable {
    /// The table for `rows`, in the given order, with columns aligned. Accuracy counts
    /// unclear and unanswered questions as not right.
    public static func render(_ rows: [MMLUAccuracyRow]) -> String {
        let header = ["model", "right", "wrong", "unclear", "unanswered", "n", "accuracy", "95% CI"]
        let body: [[String]] = rows.map { row in
            let tally = row.tally
            let interval = tally.confidenceInterval.map { "\(percent($0.lower))–\(percent($0.upper))" } ?? "–"
            return [
                row.model,
                String(tally.right),
                String(tally.wrong),
                String(tally.unclear),
                String(tally.unanswered),
                String(tally.total),
                tally.accuracy.map(percent) ?? "–",
                interval,
            ]
        }
        let table = [header] + body
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // The model name is left-aligned, the last column is left as is, numbers right-aligned.
                if column == 0 { return cell + padding }
                if column == header.count - 1 { return cell }
                return padding + cell
            }
            .joined(separator: "  ")
        }
        .joined(separator: "\n") + "\n"
    }

    /// A proportion as a percentage with one decimal, e.g. 0.7 → "70.0%".
    public static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
