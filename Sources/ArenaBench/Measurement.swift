/// What a measured number should be to meet the target.
enum Target: Sendable {
    case atLeast(Double)
    case atMost(Double)

    func isMet(by value: Double) -> Bool {
        switch self {
        case .atLeast(let bound): return value >= bound
        case .atMost(let bound): return value <= bound
        }
    }
}

/// One number the suite reports: what it is, its unit, and the target it is held to.
struct Measurement: Sendable {
    /// A stable identifier for JSON consumers, such as `e2e.pipe.chunks_per_second`.
    var id: String
    /// The section: 1 to 5.
    var section: Int
    /// What was measured, for the table.
    var label: String
    /// The number, or nil when the benchmark could not run (then `note` says why).
    var value: Double?
    var unit: String
    var target: Target?
    /// How many decimals the table shows.
    var decimals: Int = 1
    /// Extra facts worth showing (runs, counts, what could not be done).
    var note: String?

    /// True or false against the target; nil without a target or a value.
    var met: Bool? {
        guard let value, let target else { return nil }
        return target.isMet(by: value)
    }

    /// A failed measurement, with the reason.
    static func failed(id: String, section: Int, label: String, unit: String, target: Target? = nil, reason: String) -> Measurement {
        Measurement(id: id, section: section, label: label, value: nil, unit: unit, target: target, note: reason)
    }
}

/// A sorted list of values with the statistics the suite reports.
struct Samples: Sendable {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var median: Double {
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var minimum: Double { sorted.first ?? .nan }
    var maximum: Double { sorted.last ?? .nan }
}
