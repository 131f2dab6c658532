import Foundation
import Testing

/// Votes count once, small samples look small, `--rounds 0` works and skipped transcripts are
/// one line on standard error: through the built binary.
@Suite struct VotingRulesTests {
    private let fast = ["ARENA_PACE": "0", "NO_COLOR": "1"]

    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The numbers after a model's name in a table line of `text`.
    private func fields(of model: String, in text: String) -> [String] {
        let line = text.split(separator: "\n").first { $0.hasPrefix(model + " ") }
        return line.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    @Test func aSecondVoteOnATurnReplacesTheFirstEverywhere() throws {
        let directory = ArenaBinary.temporaryHome()
        let input = "/models echo scribe\nhello there\n/vote a\n/vote b\n/stats\n"
        let session = try ArenaBinary.runPiped(["--transcripts", directory], input: input, extra: fast)
        #expect(session.status == 0)
        // /stats: Model, Turns, Wins, ...: only the second verdict counts.
        #expect(fields(of: "echo", in: session.stdout).prefix(3) == ["echo", "1", "0"])
        #expect(fields(of: "scribe", in: session.stdout).prefix(3) == ["scribe", "1", "1"])

        let board = try json(ArenaBinary.runPiped(["leaderboard", directory, "--all", "--json"], input: "").stdout)
        #expect(board["battles"] as? Int == 1)
        let rows = try #require(board["rows"] as? [[String: Any]])
        #expect(rows.first { $0["model"] as? String == "scribe" }?["wins"] as? Int == 1)
        #expect(rows.first { $0["model"] as? String == "echo" }?["losses"] as? Int == 1)

        let export = try ArenaBinary.runPiped(["export", "--fastchat", directory], input: "")
        let records = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records.first?["winner"] as? String == "model_b")
    }

    @Test func oneBlindVoteShowsAnUnknownIntervalAndAMark() throws {
        let directory = ArenaBinary.temporaryHome()
        #expect(try ArenaBinary.runPiped(["--transcripts", directory, "--blind"], input: "hello\n/vote a\n", extra: fast).status == 0)
        let board = try ArenaBinary.runPiped(["leaderboard", directory], input: "", extra: fast)
        #expect(board.status == 0)
        #expect(!board.stdout.contains("+0/-0"))
        for model in ["echo", "scribe"] {
            let withoutRanks = board.stdout.split(separator: "\n").map { line in line.drop { $0 == " " || $0.isNumber } }
            let row = fields(of: model, in: withoutRanks.joined(separator: "\n"))
            #expect(row.contains("?"), "row of \(model): \(row)")
            #expect(row.contains("1*"), "row of \(model): \(row)")
        }
        #expect(board.stdout.contains("* fewer than 10 battles"))
        let json = try json(ArenaBinary.runPiped(["leaderboard", directory, "--json"], input: "").stdout)
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0["ci_lower"] is NSNull && $0["few_battles"] as? Bool == true })
    }

    @Test func roundsZeroMeansNoIntervals() throws {
        let directory = ArenaBinary.temporaryHome()
        #expect(try ArenaBinary.runPiped(["--transcripts", directory, "--blind"], input: "hello\n/vote b\n", extra: fast).status == 0)
        let text = try ArenaBinary.runPiped(["leaderboard", directory, "--rounds", "0"], input: "", extra: fast)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("no intervals"))
        let json = try json(ArenaBinary.runPiped(["leaderboard", directory, "--rounds", "0", "--json"], input: "").stdout)
        #expect(json["bootstrap_rounds"] as? Int == 0)
        let negative = try ArenaBinary.runPiped(["leaderboard", directory, "--rounds", "-1"], input: "")
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("--rounds"))
    }

    @Test func transcriptsWithoutVotesAreOneLineOnStandardError() throws {
        let directory = ArenaBinary.temporaryHome()
        for input in ["no votes here\n", "nor here\n", "hello\n/vote tie\n"] {
            #expect(try ArenaBinary.runPiped(["--transcripts", directory, "--blind"], input: input, extra: fast).status == 0)
        }
        let board = try ArenaBinary.runPiped(["leaderboard", directory], input: "", extra: fast)
        #expect(board.status == 0)
        #expect(board.stderr == "2 transcripts with no votes, skipped\n")
        #expect(!board.stdout.contains("no votes"))
        let export = try ArenaBinary.runPiped(["export", "--fastchat", directory], input: "")
        #expect(export.stderr == "2 transcripts with no votes, skipped\n")
    }
}
