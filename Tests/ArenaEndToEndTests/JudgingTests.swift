import Foundation
import Testing
@testable import ArenaKit

/// Votes, blind battles and the leaderboard, through the built binary.
@Suite struct JudgingTests {
    @Test func aBlindBattleHidesBothNamesUntilTheVote() throws {
        for _ in 0..<3 {
            let input = "/battle\nWhat is a good first programming language?\n/settings\n/swap\n/stats\n/vote a\n/settings\n"
            let result = try ArenaBinary.runPiped(["--no-record"], input: input, extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let voteLine = try #require(lines.firstIndex { $0.hasPrefix("vote recorded") })
            for line in lines[..<voteLine] + result.stderr.split(separator: "\n") {
                #expect(!line.contains("echo") && !line.contains("scribe"), "leaked: \(line)")
            }
            #expect(lines[..<voteLine].contains { $0.contains("Model A") && $0.contains("Model B") })
            #expect(result.stderr.contains("/stats would tell the models apart"))
            let reveal = lines[voteLine + 1]
            #expect(reveal.hasPrefix("Model A was ") && reveal.contains("Model B was "))
            #expect(reveal.contains("echo") && reveal.contains("scribe"))
        }
    }

    @Test func votesFromTheREPLAndScriptsReachTheLeaderboard() throws {
        let directory = ArenaBinary.temporaryHome()
        for verdict in ["a", "a", "tie", "b"] {
            let result = try ArenaBinary.runPiped(["--transcripts", directory, "--blind"], input: "hello\n/vote \(verdict)\n", extra: ["ARENA_PACE": "0"])
            #expect(result.status == 0)
        }
        let script = directory + "/named.arena"
        try "/models echo scribe\nhi\n/vote a\n".write(toFile: script, atomically: true, encoding: .utf8)
        #expect(try ArenaBinary.runPiped(["run", script, "--transcripts", directory], input: "", extra: ["ARENA_PACE": "0"]).status == 0)
        let unvoted = try ArenaBinary.runPiped(["--transcripts", directory], input: "no votes here\n", extra: ["ARENA_PACE": "0"])
        #expect(unvoted.status == 0)

        let board = try ArenaBinary.runPiped(["leaderboard", directory], input: "")
        #expect(board.status == 0)
        #expect(board.stdout.contains("echo") && board.stdout.contains("scribe"))
        #expect(board.stdout.contains("95% CI"))
        #expect(board.stdout.contains("4 battles (anonymous votes only; 1 named skipped"))
        #expect(board.stderr.contains("no votes, skipped"))
        let all = try ArenaBinary.runPiped(["leaderboard", directory, "--all", "--json"], input: "")
        let json = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        #expect((json?["battles"] as? Int) == 5)

        let fastchat = try ArenaBinary.runPiped(["export", "--fastchat", directory], input: "")
        // A JSON array, as FastChat's elo_analysis.py reads it.
        let records = try #require(JSONSerialization.jsonObject(with: Data(fastchat.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 5)
        let first = records.first
        #expect(Set(["model_a", "model_b", "winner", "tstamp", "anony", "conversation_a", "conversation_b"]).isSubset(of: Set(first?.keys ?? [:].keys)))
    }

    @Test func adoptAndDiff() throws {
        let result = try ArenaBinary.runPiped(["--no-record"], input: "/models echo echo\n/system b Reply.\nsame words here\n/diff\n/adopt a\n/settings\n", extra: ["ARENA_PACE": "0", "NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("same words here\nside B now goes on from side A's answer"))
    }
}
