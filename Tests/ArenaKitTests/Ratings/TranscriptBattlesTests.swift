import Foundation
import Testing

@testable import ArenaKit

@Suite("Battles read from a transcript")
struct TranscriptBattlesTests {
    private static let echo = ModelDescriptor(name: "echo", provider: .builtIn, origin: .builtIn)
    private static let scribe = ModelDescriptor(name: "scribe", provider: .builtIn, origin: .builtIn)

    /// Loads `events` as the reader loads a file of them (event n at start + n seconds).
    private func load(_ events: [TranscriptEvent]) throws -> LoadedTranscript {
        let data = try TranscriptSamples.text(TranscriptSamples.records(events))
        return try TranscriptReader.load(data: data, file: "dir/s.jsonl").transcript
    }

    private func turn(_ number: Int, _ prompt: String) -> [TranscriptEvent] {
        [
            .user(.init(turn: number, prompt: prompt)),
            .answer(.init(turn: number, side: .a, answer: Answer(text: "A:" + prompt, status: .done))),
            .answer(.init(turn: number, side: .b, answer: Answer(text: "B:" + prompt, status: .done))),
        ]
    }

    private func vote(_ number: Int, _ verdict: TranscriptEvent.Verdict, anonymous: Bool = true, a: String = "echo", b: String = "scribe") -> TranscriptEvent {
        .vote(.init(turn: number, verdict: verdict, anonymous: anonymous, modelA: a, modelB: b))
    }

    private func prompts(_ messages: [BattleMessage]) -> [String] {
        messages.filter { $0.role == .user }.map(\.content)
    }

    private var header: [TranscriptEvent] {
        [.session(.init(arenaVersion: "1")), .model(.init(side: .a, descriptor: Self.echo)), .model(.init(side: .b, descriptor: Self.scribe))]
    }

    @Test("a second vote on a turn replaces the first: one battle, the last verdict and its time")
    func revoteReplaces() throws {
        let events = header + turn(1, "one") + [vote(1, .a), vote(1, .b, anonymous: false)] + turn(2, "two") + [vote(2, .tie)]
        let transcript = try load(events)
        let battles = TranscriptBattles.battles(in: transcript, withConversations: false)
        #expect(battles.map(\.outcome) == [.bWins, .tie])
        #expect(battles.map(\.anonymous) == [false, true])
        // The re-vote is event 7 (0-based), so it was cast at start + 7 s.
        #expect(battles[0].timestamp == TranscriptSamples.start.addingTimeInterval(7))
        #expect(battles[0].questionID == "s.jsonl#1")
        #expect(battles.allSatisfy { $0.conversationA.isEmpty && $0.conversationB.isEmpty })
    }

    @Test("a battle's conversation starts at the last /clear and holds only its own turns")
    func conversationsStartAtTheLastReset() throws {
        let events = header + turn(1, "one") + [vote(1, .a)] + [.clear] + turn(2, "two") + turn(3, "three") + [vote(3, .b)]
        let battles = TranscriptBattles.battles(in: try load(events), withConversations: true)
        #expect(battles.count == 2)
        #expect(prompts(battles[0].conversationA) == ["one"])
        #expect(prompts(battles[1].conversationA) == ["two", "three"])
        #expect(battles[1].conversationA.map(\.content) == ["two", "A:two", "three", "A:three"])
        #expect(battles[1].conversationB.map(\.content) == ["two", "B:two", "three", "B:three"])
        #expect(FastChatBattleRecord(battles[1]).turn == 2)
        #expect(FastChatBattleRecord(battles[0]).turn == 1)
    }

    @Test("a model change restarts that side's conversation; a swap carries each history along")
    func modelChangesAndSwaps() throws {
        let llama = ModelDescriptor(name: "llama", provider: .builtIn, origin: .builtIn)
        var events = header + turn(1, "one")
        events.append(.model(.init(side: .b, descriptor: llama)))
        events += turn(2, "two") + [vote(2, .a, a: "echo", b: "llama")]
        events.append(.swap)
        events += turn(3, "three") + [vote(3, .b, a: "llama", b: "echo")]
        let battles = TranscriptBattles.battles(in: try load(events), withConversations: true)
        #expect(battles.count == 2)
        // Turn 2: echo on A has both turns, llama on B only the turn since it arrived.
        #expect(battles[0].conversationA.map(\.content) == ["one", "A:one", "two", "A:two"])
        #expect(battles[0].conversationB.map(\.content) == ["two", "B:two"])
        // Turn 3, after the swap: llama (now A) keeps its history, echo (now B) keeps its own.
        #expect(battles[1].conversationA.map(\.content) == ["two", "B:two", "three", "A:three"])
        #expect(battles[1].conversationB.map(\.content) == ["one", "A:one", "two", "A:two", "three", "B:three"])
    }

    @Test("a vote for a turn the file never asked still counts, without a conversation")
    func voteWithoutTurn() throws {
        let battles = TranscriptBattles.battles(in: try load(header + [vote(9, .a), vote(9, .tie)]), withConversations: true)
        #expect(battles.map(\.outcome) == [.tie])
        #expect(battles[0].conversationA.isEmpty)
        #expect(FastChatBattleRecord(battles[0]).turn == 0)
        #expect(FastChatBattleRecord(battles[0]).language == "unknown")
    }
}
