import Foundation

/// Renders a leaderboard as CSV (RFC 4180): a header line, one record per model best first,
/// CRLF line endings, and fields quoted only when they contain a comma, a double quote, CR or
/// LF (quotes doubled). Ratings have two decimals; a missing interval bound is an empty field;
/// `few_battles` is `true` or `false`. Model names go through `TextSanitizer`, so no field
/// carries a control character.
public enum LeaderboardCSV {
    /// The header fields, in column order.
    public static let header = [
        "rank", "rank_ub", "model", "rating", "ci_lower", "ci_upper", "elo", "battles", "wins", "ties", "losses",
        "few_battles",
    ]

    /// The whole CSV document, ending with CRLF.
    public static func render(_ leaderboard: Leaderboard) -> String {
        var lines = [header.map(field).joined(separator: ",")]
        for row in leaderboard.rows {
            let fields = [
                String(row.rank),
                String(row.rankUpperBound),
                TextSanitizer.sanitizeLine(row.model),
                NumberText.fixed(row.rating, decimals: 2),
                NumberText.fixed(row.ciLower, decimals: 2, missing: ""),
                NumberText.fixed(row.ciUpper, decimals: 2, missing: ""),
                NumberText.fixed(row.elo, decimals: 2),
                String(row.battles),
                String(row.wins),
                String(row.ties),
                String(row.losses),
                String(row.fewBattles),
            ]
            lines.append(fields.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, quoted if RFC 4180 requires it.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
