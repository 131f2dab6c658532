import Foundation

/// Prints the measurements as a table for people or as JSON for programs.
struct Report {
    var measurements: [Measurement]
    var quick: Bool
    var date: Date
    var cores: Int
    var arenaVersion: String

    private static let sectionTitles = [
        1: "1 end to end, pipe",
        2: "2 end to end, terminal",
        3: "3 decoding in process",
        4: "4 start-up",
        5: "5 data",
        6: "6 ratings",
    ]

    /// The table, one measurement a row, with pass/miss against each target.
    func table() -> String {
        var rows: [[String]] = [["section", "benchmark", "result", "target", "status"]]
        for measurement in measurements {
            let result = measurement.value.map { "\(Self.format($0, decimals: measurement.decimals)) \(measurement.unit)" } ?? "n/a"
            let target: String
            switch measurement.target {
            case .atLeast(let bound)?: target = "≥ \(Self.format(bound, decimals: 0)) \(measurement.unit)"
            case .atMost(let bound)?: target = "≤ \(Self.format(bound, decimals: bound < 10 ? 1 : 0)) \(measurement.unit)"
            case nil: target = ""
            }
            let status: String
            switch measurement.met {
            case true?: status = "pass"
            case false?: status = "MISS"
            case nil: status = measurement.value == nil && measurement.target != nil ? "n/a" : ""
            }
            rows.append([Self.sectionTitles[measurement.section] ?? "", measurement.label, result, target, status])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        lines.append("arena benchmarks — \(ISO8601DateFormatter().string(from: date)), \(cores) cores, arena \(arenaVersion)\(quick ? ", QUICK (smaller counts)" : "")")
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 2 ? pad + cell : cell + pad
            }
            lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        let notes = measurements.filter { $0.note != nil }
        if !notes.isEmpty {
            lines.append("")
            for measurement in notes {
                lines.append("- \(measurement.label): \(measurement.note!)")
            }
        }
        let missed = measurements.filter { $0.met == false }.count
        let met = measurements.filter { $0.met == true }.count
        lines.append("")
        lines.append("targets: \(met) met, \(missed) missed")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON: date, machine, and every measurement with its target and outcome.
    func json() -> String {
        var results: [[String: Any]] = []
        for measurement in measurements {
            var entry: [String: Any] = [
                "id": measurement.id,
                "section": measurement.section,
                "label": measurement.label,
                "unit": measurement.unit,
                "value": measurement.value.map { $0 as Any } ?? NSNull(),
            ]
            switch measurement.target {
            case .atLeast(let bound)?: entry["target"] = ["at_least": bound]
            case .atMost(let bound)?: entry["target"] = ["at_most": bound]
            case nil: entry["target"] = NSNull()
            }
            entry["met"] = measurement.met.map { $0 as Any } ?? NSNull()
            if let note = measurement.note { entry["note"] = note }
            results.append(entry)
        }
        let document: [String: Any] = [
            "date": ISO8601DateFormatter().string(from: date),
            "machine": ["cores": cores, "system": Self.systemName()],
            "arena_version": arenaVersion,
            "quick": quick,
            "results": results,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f", value)
        // Group the thousands of large numbers for reading.
        guard abs(value) >= 10_000 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer.removeLast(3)
        }
        return integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func systemName() -> String {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(field(name.sysname)) \(field(name.release)) \(field(name.machine))"
    }
}
