import Foundation
import Testing

@testable import ArenaKit

@Suite("Leaderboard")
struct LeaderboardTests {
    static let battles: [Battle] = [
        battle("alpha", "beta", .aWins, second: 1),
        battle("alpha", "beta", .aWins, second: 2),
        battle("beta", "alpha", .tie, second: 3),
        battle("gamma", "alpha", .bWins, second: 4),
        battle("gamma", "beta", .bothBad, second: 5),
        battle("beta", "gamma", .aWins, second: 6),
        battle("alpha", "gamma", .bWins, anonymous: false, second: 7),
        battle("beta", "beta", .aWins, second: 8),
    ]

    /// The fixture's models have 3 to 5 battles, below the default minimum for an interval;
    /// these tests are about how intervals are computed and drawn, so they allow intervals
    /// from one battle on (SmallSampleTests covers the minimum).
    static func leaderboard(includeNamed: Bool = false, rounds: Int = 100) throws -> Leaderboard {
        var generator = RatingsTestGenerator(seed: 9)
        return try Leaderboard.compute(
            from: battles,
            options: LeaderboardOptions(includeNamed: includeNamed, bootstrapRounds: rounds, minimumBattlesForInterval: 1),
            using: &generator
        )
    }

    @Test("battle counts and W/T/L per model")
    func tally() {
        let records = BattleTally.records(Self.battles)
        #expect(records["alpha"] == ModelRecord(battles: 5, wins: 3, ties: 1, losses: 1))
        #expect(records["beta"] == ModelRecord(battles: 5, wins: 1, ties: 2, losses: 2))
        #expect(records["gamma"] == ModelRecord(battles: 4, wins: 1, ties: 1, losses: 2))
    }

    @Test("win-rate matrix: ties half, nil where never met, rows in the given order")
    func winRates() {
        let matrix = WinRateMatrix(battles: Self.battles, order: ["gamma"])
        #expect(matrix.models == ["gamma", "alpha", "beta"])
        // alpha v beta: 2 wins + 1 tie of 3 → 2.5 / 3.
        #expect(abs(matrix.winRate(of: "alpha", against: "beta")! - 2.5 / 3) < 1e-12)
        #expect(abs(matrix.winRate(of: "beta", against: "alpha")! - 0.5 / 3) < 1e-12)
        // gamma v beta: a both-bad and a loss → 0.5 / 2.
        #expect(matrix.winRate(of: "gamma", against: "beta") == 0.25)
        #expect(matrix.winRate(of: "gamma", against: "alpha") == 0.5)
        #expect(matrix.winRate(of: "alpha", against: "alpha") == nil)
        #expect(matrix.battleCounts[1][2] == 3)

        let lonely = WinRateMatrix(battles: [battle("a", "b", .aWins), battle("c", "d", .tie)])
        #expect(lonely.winRate(of: "a", against: "c") == nil)
        #expect(lonely.winRate(of: "c", against: "d") == 0.5)
    }

    @Test("anonymous votes only by default; includeNamed adds the rest")
    func anonymousOnly() throws {
        let blind = try Self.leaderboard()
        #expect(blind.anonymousOnly)
        #expect(blind.battleCount == 6)
        #expect(blind.skippedNamedBattles == 1)
        #expect(blind.skippedSelfPlayBattles == 1)
        #expect(blind.rows.first(where: { $0.model == "gamma" })?.battles == 3)

        let all = try Self.leaderboard(includeNamed: true)
        #expect(!all.anonymousOnly)
        #expect(all.battleCount == 7)
        #expect(all.skippedNamedBattles == 0)
        #expect(all.rows.first(where: { $0.model == "gamma" })?.battles == 4)
    }

    @Test("rows are sorted by rating with ranks, intervals, Elo and records")
    func rows() throws {
        let board = try Self.leaderboard()
        #expect(board.rows.map(\.model) == ["alpha", "gamma", "beta"] || board.rows.map(\.model) == ["alpha", "beta", "gamma"])
        #expect(board.rows.map(\.rank) == [1, 2, 3])
        #expect(zip(board.rows, board.rows.dropFirst()).allSatisfy { $0.rating >= $1.rating })
        for row in board.rows {
            #expect(row.ciLower != nil && row.ciUpper != nil)
            #expect(row.rankUpperBound <= row.rank)
            #expect(row.wins + row.ties + row.losses == row.battles)
        }
        #expect(board.winRates.models == board.rows.map(\.model))
        let meanRating = board.rows.map(\.rating).reduce(0, +) / 3
        #expect(abs(meanRating - 1000) < 1e-6)
    }

    @Test("equal ratings share a rank")
    func sharedRank() throws {
        var generator = RatingsTestGenerator(seed: 1)
        let board = try Leaderboard.compute(
            from: [battle("a", "b", .tie), battle("c", "d", .aWins)],
            options: LeaderboardOptions(bootstrapRounds: 0),
            using: &generator
        )
        #expect(board.rows.map(\.model) == ["c", "a", "b", "d"])
        #expect(board.rows.map(\.rank) == [1, 2, 2, 4])
        #expect(board.rows.allSatisfy { $0.ciLower == nil })
    }

    @Test("online Elo runs in timestamp order, not input order")
    func eloUsesTimestamps() throws {
        let ordered = [battle("a", "b", .aWins, second: 1), battle("a", "b", .bWins, second: 2)]
        var generator = RatingsTestGenerator(seed: 1)
        let options = LeaderboardOptions(bootstrapRounds: 0)
        let forward = try Leaderboard.compute(from: ordered, options: options, using: &generator)
        let shuffled = try Leaderboard.compute(from: ordered.reversed(), options: options, using: &generator)
        #expect(forward.rows.map(\.elo) == shuffled.rows.map(\.elo))
        // Win then loss: b ends ahead (1000.023 v 999.977), see OnlineEloTests.sequence.
        #expect(forward.rows.first { $0.model == "b" }!.elo > 1000)
    }

    @Test("the same seed gives byte-identical JSON")
    func deterministic() throws {
        #expect(try Self.leaderboard().jsonString() == Self.leaderboard().jsonString())
    }

    @Test("JSON has stable snake_case keys and null for missing intervals")
    func json() throws {
        var generator = RatingsTestGenerator(seed: 1)
        let board = try Leaderboard.compute(
            from: [battle("a", "b", .aWins), battle("b", "c", .aWins), battle("c", "a", .tie)],
            options: LeaderboardOptions(bootstrapRounds: 0),
            using: &generator
        )
        let text = try board.jsonString()
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "rows", "battles", "skipped_named_battles", "skipped_self_play_battles", "anonymous_only",
                "bootstrap_rounds", "confidence_level", "converged", "win_rates", "min_battles_for_interval",
            ]
        )
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(
            Set(rows[0].keys) == [
                "rank", "rank_ub", "model", "rating", "ci_lower", "ci_upper", "elo", "battles", "wins", "ties", "losses",
                "few_battles",
            ]
        )
        #expect(rows[0]["ci_lower"] is NSNull)
        let matrix = try #require(object["win_rates"] as? [String: Any])
        #expect(Set(matrix.keys) == ["models", "win_rates", "battle_counts"])
        #expect(text.contains("\"ci_lower\" : null"))

        let decoded = try JSONDecoder().decode(Leaderboard.self, from: Data(text.utf8))
        #expect(decoded == board)
    }

    @Test("CSV follows RFC 4180: header, CRLF, quoting of commas and quotes")
    func csv() throws {
        var generator = RatingsTestGenerator(seed: 1)
        let board = try Leaderboard.compute(
            from: [battle("plain", "odd, \"quoted\" name", .aWins)],
            options: LeaderboardOptions(bootstrapRounds: 0),
            using: &generator
        )
        let csv = LeaderboardCSV.render(board)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "rank,rank_ub,model,rating,ci_lower,ci_upper,elo,battles,wins,ties,losses,few_battles")
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[1].hasPrefix("1,1,plain,"))
        #expect(lines[2].contains(",\"odd, \"\"quoted\"\" name\","))
        #expect(lines[1].contains(",,"))  // no interval: empty fields
        #expect(LeaderboardCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(LeaderboardCSV.field("crlf\r\nend") == "\"crlf\r\nend\"")
        #expect(LeaderboardCSV.field("simple") == "simple")
    }

    @Test("CSV numbers have two decimals with a dot")
    func csvNumbers() throws {
        let board = try Self.leaderboard()
        let fields = LeaderboardCSV.render(board).components(separatedBy: "\r\n")[1].components(separatedBy: ",")
        #expect(fields[3].split(separator: ".").last?.count == 2)
        #expect(Double(fields[4])! <= Double(fields[3])!)
    }

    @Test("the text table draws each interval as a bar of the given width, no escape codes")
    func text() throws {
        let board = try Self.leaderboard()
        let output = LeaderboardTextRenderer(barWidth: 20).render(board)
        let lines = output.components(separatedBy: "\n")
        #expect(lines.count == 1 + board.rows.count + 1)
        #expect(lines[0].hasPrefix("Rank  Model"))
        #expect(lines[0].contains("95% CI"))
        #expect(lines.last!.contains("6 battles (anonymous votes only; 1 named skipped"))
        #expect(!output.contains("\u{1B}"))
        #expect(lines.allSatisfy { $0.last != " " })
        for line in lines[1...board.rows.count] {
            #expect(line.filter { $0 == "●" }.count == 1)
            #expect(line.contains("├") && line.contains("┤"))
        }
        // Every bar starts and ends inside the same 20 columns.
        let barColumn = lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "Interval")!.lowerBound)
        for line in lines[1...board.rows.count] {
            let bar = String(Array(line)[barColumn..<(barColumn + 20)])
            #expect(bar.contains("●"))
        }

        let ascii = LeaderboardTextRenderer(barWidth: 12, barStyle: .ascii, showsSummary: false).render(board)
        #expect(ascii.allSatisfy { $0.isASCII })
        #expect(ascii.components(separatedBy: "\n").count == 1 + board.rows.count)
        #expect(ascii.contains("[") && ascii.contains("o"))
    }

    @Test("the bar maps the widest interval to the full width")
    func barGeometry() {
        let renderer = LeaderboardTextRenderer(barWidth: 11, barStyle: .ascii)
        let row = LeaderboardRow(
            rank: 1, rankUpperBound: 1, model: "m", rating: 1000, ciLower: 900, ciUpper: 1100,
            elo: 1000, battles: 1, wins: 1, ties: 0, losses: 0
        )
        let narrow = LeaderboardRow(
            rank: 2, rankUpperBound: 1, model: "n", rating: 950, ciLower: 950, ciUpper: 1000,
            elo: 1000, battles: 1, wins: 0, ties: 0, losses: 1
        )
        let axis = LeaderboardTextRenderer.axis(for: [row, narrow])
        #expect(renderer.bar(for: row, axis: axis, width: 11) == "[----o----]")
        #expect(renderer.bar(for: narrow, axis: axis, width: 11) == "   o-]     ")  // 950 → cell 2.5 ≈ 3, 1000 → cell 5
    }

    @Test("the win-rate table heads columns by position and shows - where never met")
    func winRateText() {
        let text = WinRateMatrix(battles: [battle("a", "b", .aWins), battle("b", "c", .tie)]).renderText()
        #expect(
            text == """
                #  Model (row beats column)     1     2     3
                1  a                            -  1.00     -
                2  b                         0.00     -  0.50
                3  c                            -  0.50     -
                """
        )
    }

    @Test("invalid options are reported as errors")
    func invalidOptions() {
        #expect(throws: RatingsError.invalidConfidenceLevel(1)) {
            try Leaderboard.compute(from: Self.battles, options: LeaderboardOptions(confidenceLevel: 1))
        }
    }
}
