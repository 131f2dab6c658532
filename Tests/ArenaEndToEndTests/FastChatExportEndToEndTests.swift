import Foundation
import Testing

/// `arena export --fastchat` against FastChat's own reading and rating of battles: the file is
/// what `elo_analysis.py --clean-battle-file` reads, and FastChat's Bradley-Terry method on it
/// ranks the models as `arena leaderboard` does.
@Suite struct FastChatExportEndToEndTests {
    /// A directory of synthetic blind battles, exported as a JSON array.
    private func exported() throws -> (directory: String, file: String, records: [[String: Any]]) {
        let directory = ArenaBinary.temporaryHome()
        try SyntheticTournament.write(into: directory, files: 3, battlesPerFile: 120, seed: 11)
        let file = ArenaBinary.temporaryHome() + "/battles.json"
        let export = try ArenaBinary.runPiped(["export", "--fastchat", directory, "-o", file], input: "")
        #expect(export.status == 0, "\(export.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let records = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return (directory, file, records)
    }

    private func leaderboardRatings(_ directory: String) throws -> (order: [String], ratings: [String: Double]) {
        let run = try ArenaBinary.runPiped(["leaderboard", directory, "--json", "--rounds", "0"], input: "")
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let order = rows.compactMap { $0["model"] as? String }
        var ratings: [String: Double] = [:]
        for row in rows { ratings[row["model"] as? String ?? ""] = row["rating"] as? Double }
        return (order, ratings)
    }

    private func order(_ ratings: [String: Double]) -> [String] {
        ratings.sorted { $0.value > $1.value }.map(\.key)
    }

    @Test func everyBattleHasFastChatsFieldsAndOnlyItsOwnTurns() throws {
        let (_, _, records) = try exported()
        #expect(records.count == 360)
        for record in records {
            #expect(Set(record.keys) == [
                "question_id", "model_a", "model_b", "winner", "judge", "conversation_a", "conversation_b", "turn",
                "anony", "language", "tstamp",
            ])
            // Two turns since the battle's /clear: nothing from earlier battles.
            let conversation = try #require(record["conversation_a"] as? [[String: String]])
            #expect(conversation.count == 4)
            #expect(conversation.first?["content"] == "What is the capital of France?")
            #expect(record["turn"] as? Int == 2)
            #expect(record["language"] as? String == "English")
            #expect(["model_a", "model_b", "tie", "tie (bothbad)"].contains(record["winner"] as? String ?? ""))
        }
        #expect(records.filter { $0["anony"] as? Bool == false }.count == 36)
        // tstamp is the vote's time: each battle is ten events a second apart after the header,
        // the vote last (the second turn was asked three seconds before it).
        let times = records.prefix(2).compactMap { $0["tstamp"] as? Double }
        #expect(times.count == 2 && abs(times[0] - 1_790_000_010) < 0.001 && abs(times[1] - 1_790_000_020) < 0.001, "\(times)")
    }

    @Test func fastChatsMethodOnTheExportRanksAsTheLeaderboard() throws {
        let (directory, _, records) = try exported()
        let fastChat = FastChatMethod.ratings(records: records)
        let arena = try leaderboardRatings(directory)
        #expect(order(fastChat) == arena.order)
        for (model, rating) in fastChat {
            let difference = abs(rating - (arena.ratings[model] ?? .nan))
            #expect(difference < 2, "\(model): FastChat \(rating), arena \(arena.ratings[model] ?? .nan)")
        }
        #expect(arena.order == ["alpha", "beta", "gamma", "delta"])
    }

    @Test(.enabled(if: FastChatMethod.pythonIsUsable, "needs python3 with pandas, numpy and scipy (or ARENA_TEST_PYTHON)"))
    func pandasReadsTheExportAndRanksAsTheLeaderboard() throws {
        let (directory, file, _) = try exported()
        let run = try FastChatMethod.runPython(["-c", FastChatMethod.python, file])
        #expect(run.status == 0)
        let ratings = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Double])
        let arena = try leaderboardRatings(directory)
        #expect(order(ratings) == arena.order)
        for (model, rating) in ratings {
            #expect(abs(rating - (arena.ratings[model] ?? .nan)) < 2, "\(model)")
        }
    }

    @Test func jsonLinesForAFileEndingInJsonl() throws {
        let directory = ArenaBinary.temporaryHome()
        try SyntheticTournament.write(into: directory, files: 1, battlesPerFile: 5, seed: 2)
        let file = ArenaBinary.temporaryHome() + "/battles.jsonl"
        #expect(try ArenaBinary.runPiped(["export", "--fastchat", directory, "-o", file], input: "").status == 0)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
    }
}
