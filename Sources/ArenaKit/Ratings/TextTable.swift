/// A minimal plain-text table: columns padded with spaces, two spaces between columns, no
/// trailing whitespace and no escape codes. Widths count Characters (grapheme clusters), which
/// is right for the ASCII model names and numbers these tables hold.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    var alignments: [Alignment]
    var rows: [[String]] = []

    init(alignments: [Alignment]) {
        self.alignments = alignments
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    func render() -> String {
        var widths = [Int](repeating: 0, count: alignments.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        var lines: [String] = []
        for row in rows {
            var cells: [String] = []
            for (column, cell) in row.enumerated() where column < widths.count {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                cells.append(alignments[column] == .left ? cell + padding : padding + cell)
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// Number formatting shared by the renderers: fixed decimals, "." as the decimal separator
/// whatever the locale, and "-" for a missing value.
enum NumberText {
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let rounded = (abs(value) * factor).rounded() / factor
        let negative = value < 0 && rounded != 0
        let whole = rounded.rounded(.down)
        var text = String(Int64(whole))
        if decimals > 0 {
            let fraction = Int64(((rounded - whole) * factor).rounded())
            var digits = String(fraction)
            digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
            text += "." + digits
        }
        return negative ? "-" + text : text
    }

    static func fixed(_ value: Double?, decimals: Int, missing: String = "-") -> String {
        guard let value else { return missing }
        return fixed(value, decimals: decimals)
    }
}
