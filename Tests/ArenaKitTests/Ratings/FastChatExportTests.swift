import Foundation
import Testing

@testable import ArenaKit

@Suite("FastChat export")
struct FastChatExportTests {
    @Test("records carry FastChat's field names and value shapes")
    func recordShape() throws {
        let battles = [
            Battle(
                modelA: "alpha", modelB: "beta", outcome: .bothBad, anonymous: true,
                timestamp: Date(timeIntervalSince1970: 1_700_000_000.25),
                prompt: "Say \"hi\" / bye", answerA: "hi", answerB: "héllo 👋", questionID: "q-1", turn: 1
            ),
            battle("beta", "alpha", .aWins, anonymous: false, second: 5),
        ]
        let text = try FastChatExport.jsonLines(for: battles)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(!lines[0].contains("\\/"))

        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(
            Set(first.keys) == [
                "question_id", "model_a", "model_b", "winner", "judge", "conversation_a", "conversation_b", "turn",
                "anony", "language", "tstamp",
            ]
        )
        #expect(first["question_id"] as? String == "q-1")
        #expect(first["model_a"] as? String == "alpha")
        #expect(first["model_b"] as? String == "beta")
        #expect(first["winner"] as? String == "tie (bothbad)")
        #expect(first["anony"] as? Bool == true)
        #expect((first["tstamp"] as? Double).map { abs($0 - 1_700_000_000.25) < 1e-6 } == true)
        #expect(first["turn"] as? Int == 1)
        let conversation = try #require(first["conversation_b"] as? [[String: String]])
        #expect(conversation == [["role": "user", "content": "Say \"hi\" / bye"], ["role": "assistant", "content": "héllo 👋"]])

        let second = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["winner"] as? String == "model_a")
        #expect(second["anony"] as? Bool == false)
        #expect((second["question_id"] as? String)?.count == 32)
        #expect((second["conversation_a"] as? [Any])?.isEmpty == true)
        #expect(second["turn"] as? Int == 0)  // FastChat's len(conversation_a) // 2
        #expect(second["language"] as? String == "unknown")
    }

    @Test("every outcome maps to FastChat's winner strings and back")
    func winners() {
        #expect(BattleOutcome.allCases.map(\.fastChatWinner) == ["model_a", "model_b", "tie", "tie (bothbad)"])
        for outcome in BattleOutcome.allCases {
            #expect(BattleOutcome(fastChatWinner: outcome.fastChatWinner) == outcome)
        }
        #expect(BattleOutcome(fastChatWinner: "leftvote") == nil)
    }

    @Test("derived question ids are stable and distinct")
    func derivedIDs() throws {
        let one = battle("a", "b", .aWins, second: 1)
        let two = battle("a", "b", .aWins, second: 2)
        #expect(FastChatExport.derivedQuestionID(for: one, index: 0) == FastChatExport.derivedQuestionID(for: one, index: 0))
        #expect(FastChatExport.derivedQuestionID(for: one, index: 0) != FastChatExport.derivedQuestionID(for: two, index: 0))
        #expect(FastChatExport.derivedQuestionID(for: one, index: 0) != FastChatExport.derivedQuestionID(for: one, index: 1))
    }

    @Test("records round-trip through Codable and multi-turn turns are counted")
    func roundTrip() throws {
        let conversation: [BattleMessage] = [
            .init(role: .user, content: "1"), .init(role: .assistant, content: "one"),
            .init(role: .user, content: "2"), .init(role: .assistant, content: "two"),
        ]
        let record = FastChatBattleRecord(
            Battle(
                modelA: "a", modelB: "b", outcome: .tie, anonymous: true, timestamp: Date(timeIntervalSince1970: 10),
                conversationA: conversation, conversationB: conversation
            )
        )
        #expect(record.turn == 2)
        let line = try FastChatExport.line(for: record)
        #expect(try JSONDecoder().decode(FastChatBattleRecord.self, from: Data(line.utf8)) == record)
        #expect(try FastChatExport.jsonLines(for: []) == "")
    }

    @Test("a JSON array by default, JSON Lines for .jsonl; both parse to the same records")
    func layouts() throws {
        #expect(FastChatExport.Layout(path: nil) == .jsonArray)
        #expect(FastChatExport.Layout(path: "out/battles.json") == .jsonArray)
        #expect(FastChatExport.Layout(path: "battles.JSONL") == .jsonLines)
        #expect(try FastChatExport.document(for: [], layout: .jsonArray) == "[]\n")
        #expect(try FastChatExport.document(for: [], layout: .jsonLines) == "")

        let battles = [battle("a", "b", .aWins, second: 1), battle("b", "c", .tie, second: 2)]
        let array = try FastChatExport.document(for: battles, layout: .jsonArray)
        let lines = array.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines[0] == "[" && lines[3] == "]" && lines[1].hasSuffix("},"))
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(array.utf8)) as? [[String: Any]])
        let jsonLines = try FastChatExport.document(for: battles, layout: .jsonLines)
        let parsedLines = try jsonLines.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(parsed.map { $0["winner"] as? String } == parsedLines.map { $0["winner"] as? String })
        #expect(parsed.map { $0["question_id"] as? String } == parsedLines.map { $0["question_id"] as? String })
    }
}
