import Testing

@testable import ArenaKit

/// `/judge`'s forms, and what Tab offers after it.
@Suite struct JudgeCommandParsingTests {
    @Test func everyFormParses() throws {
        #expect(try CommandParser.parse("/judge") == .judge(model: nil, kind: .pairwise))
        #expect(try CommandParser.parse("/judge gpt-4o") == .judge(model: "gpt-4o", kind: .pairwise))
        #expect(try CommandParser.parse("/judge score") == .judge(model: nil, kind: .score))
        #expect(try CommandParser.parse("/judge score gpt-4o") == .judge(model: "gpt-4o", kind: .score))
        #expect(try CommandParser.parse("/judge auto") == .judgeAuto(model: nil, off: false))
        #expect(try CommandParser.parse("/judge auto gpt-4o") == .judgeAuto(model: "gpt-4o", off: false))
        #expect(try CommandParser.parse("/judge AUTO Off") == .judgeAuto(model: nil, off: true))
        #expect(try CommandParser.parse("/leaderboard judge GPT-4o") == .judgeLeaderboard("GPT-4o"))
        #expect(throws: CommandError.self) { try CommandParser.parse("/leaderboard judge") }
        #expect(throws: CommandError.self) { try CommandParser.parse("/judge gpt-4o claude") }
        #expect(throws: CommandError.self) { try CommandParser.parse("/judge auto gpt-4o now") }
    }

    @Test func tabOffersModesModelsAndOff() {
        let completion = Completion(modelNames: { ["gpt-4o", "claude"] })
        #expect(completion.candidates(for: "/judge ") == ["auto", "claude", "gpt-4o", "score"])
        #expect(completion.candidates(for: "/judge auto ") == ["claude", "gpt-4o", "off"])
        #expect(completion.candidates(for: "/judge score g") == ["gpt-4o"])
        #expect(completion.candidates(for: "/judge gpt-4o ") == [])
    }
}
