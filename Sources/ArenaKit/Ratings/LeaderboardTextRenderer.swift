/// Renders a leaderboard as a plain-text table for a terminal, with each confidence interval
/// drawn as a bar on a shared axis. No escape codes: colour is the caller's business.
///
/// ```
/// Rank  Model    Rating  95% CI    Interval              Elo  Battles  W/T/L
///    1  alpha      1104  +31/-29        ├────●─────┤     1009      120  70/10/40
/// ```
public struct LeaderboardTextRenderer: Sendable, Hashable {
    /// The characters the interval bars are drawn with.
    public enum BarStyle: Sendable, Hashable {
        /// `├──●──┤` box-drawing characters.
        case unicode
        /// `[--o--]` for terminals without Unicode.
        case ascii
    }

    /// The width of the interval bar in characters (at least 3; smaller values are raised).
    public var barWidth: Int
    /// The bar characters.
    public var barStyle: BarStyle
    /// Whether to end with a line saying how many battles were used and how.
    public var showsSummary: Bool
    /// What the battles are, for the summary line, when not human votes ("verdicts of judge X").
    var battleSource: String?

    /// Creates a renderer; the default bar is 24 Unicode characters wide.
    public init(barWidth: Int = 24, barStyle: BarStyle = .unicode, showsSummary: Bool = true) {
        self.barWidth = barWidth
        self.barStyle = barStyle
        self.showsSummary = showsSummary
    }

    /// The table, one line per model, best first, followed by the summary line if enabled.
    /// Lines are separated by "\n" with no trailing newline. Model names go through
    /// `TextSanitizer` (they come from transcripts, which may be someone else's). A model
    /// with few battles shows `?` for its interval and `*` after its battle count.
    public func render(_ leaderboard: Leaderboard) -> String {
        let width = max(barWidth, 3)
        let axis = Self.axis(for: leaderboard.rows)
        let percent = NumberText.fixed(leaderboard.confidenceLevel * 100, decimals: 0)
        var table = TextTable(alignments: [.right, .left, .right, .left, .left, .right, .right, .left])
        let intervalHeader = leaderboard.bootstrapRounds > 0 ? "\(percent)% CI" : "CI"
        table.append(["Rank", "Model", "Rating", intervalHeader, "Interval", "Elo", "Battles", "W/T/L"])
        for row in leaderboard.rows {
            var interval = leaderboard.bootstrapRounds > 0 ? "?" : "-"
            if let lower = row.ciLower, let upper = row.ciUpper {
                interval = "+\(NumberText.fixed(max(upper - row.rating, 0), decimals: 0))"
                    + "/-\(NumberText.fixed(max(row.rating - lower, 0), decimals: 0))"
            }
            table.append([
                String(row.rank),
                TextSanitizer.sanitizeLine(row.model),
                NumberText.fixed(row.rating, decimals: 0),
                interval,
                bar(for: row, axis: axis, width: width),
                NumberText.fixed(row.elo, decimals: 0),
                String(row.battles) + (row.fewBattles ? "*" : ""),
                "\(row.wins)/\(row.ties)/\(row.losses)",
            ])
        }
        var text = table.render()
        if showsSummary {
            text += "\n" + Self.summary(leaderboard, source: battleSource)
            if leaderboard.rows.contains(where: \.fewBattles) {
                text += "\n" + Self.fewBattlesNote(leaderboard)
            }
        }
        return text
    }

    /// "* fewer than 10 battles: the rating rests on a handful of votes; interval unknown (?)".
    static func fewBattlesNote(_ leaderboard: Leaderboard) -> String {
        let minimum = leaderboard.minimumBattlesForInterval
        var line = "* fewer than \(minimum) battle\(minimum == 1 ? "" : "s"): the rating rests on a handful of votes"
        if leaderboard.bootstrapRounds > 0 { line += "; interval unknown (?)" }
        return line
    }

    /// "120 battles (anonymous votes only; 3 named skipped), 95% intervals from 1000 bootstrap rounds".
    static func summary(_ leaderboard: Leaderboard, source: String? = nil) -> String {
        var scope = source ?? (leaderboard.anonymousOnly ? "anonymous votes only" : "anonymous and named votes")
        if leaderboard.skippedNamedBattles > 0 {
            scope += "; \(leaderboard.skippedNamedBattles) named skipped, --all includes them"
        }
        var line = "\(leaderboard.battleCount) battle\(leaderboard.battleCount == 1 ? "" : "s") (\(scope))"
        if leaderboard.bootstrapRounds > 0 {
            let percent = NumberText.fixed(leaderboard.confidenceLevel * 100, decimals: 0)
            line += ", \(percent)% intervals from \(leaderboard.bootstrapRounds) bootstrap rounds"
        } else {
            line += ", no intervals"
        }
        return line
    }

    /// The value range every bar is drawn against: all bounds and ratings.
    static func axis(for rows: [LeaderboardRow]) -> ClosedRange<Double>? {
        let values = rows.flatMap { [$0.rating, $0.ciLower, $0.ciUpper].compactMap { $0 } }
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    /// The bar for one row: spaces outside the interval, the interval's ends, the line between
    /// and the point estimate. Blank when the row has no interval.
    func bar(for row: LeaderboardRow, axis: ClosedRange<Double>?, width: Int) -> String {
        guard let axis, let lower = row.ciLower, let upper = row.ciUpper else { return "" }
        func cell(_ value: Double) -> Int {
            let span = axis.upperBound - axis.lowerBound
            guard span > 0 else { return width / 2 }
            let position = ((value - axis.lowerBound) / span * Double(width - 1)).rounded()
            return min(max(Int(position), 0), width - 1)
        }
        let (startMark, fill, endMark, point): (Character, Character, Character, Character) =
            switch barStyle {
            case .unicode: ("├", "─", "┤", "●")
            case .ascii: ("[", "-", "]", "o")
            }
        var cells = [Character](repeating: " ", count: width)
        let start = cell(min(lower, upper))
        let end = cell(max(lower, upper))
        for index in start...end { cells[index] = fill }
        if end > start {
            cells[start] = startMark
            cells[end] = endMark
        }
        cells[cell(row.rating)] = point
        return String(cells)
    }
}
