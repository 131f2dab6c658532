import Foundation
import Testing
@testable import ArenaKit

@Suite("Rebuilding a session from a transcript")
struct LoadedTranscriptTests {
    private func answer(_ text: String) -> Answer {
        Answer(text: text, status: .done, finishReason: .stop)
    }

    /// Loads `events` as the reader loads a file of them.
    private func load(_ events: [TranscriptEvent]) -> LoadedTranscript {
        let data = (try? TranscriptSamples.text(TranscriptSamples.records(events))) ?? Data()
        return (try? TranscriptReader.load(data: data, file: "s.jsonl").transcript) ?? LoadedTranscript(file: "failed", records: [])
    }

    @Test("a snapshot of a session loads back as the same session")
    func snapshotRoundTrip() throws {
        let state = sampleTranscriptState(turns: 4)
        let data = try TranscriptSamples.text(TranscriptSamples.records(TranscriptEvent.snapshot(of: state, arenaVersion: "2.0")))
        let (transcript, warnings) = try TranscriptReader.load(data: data, file: "snap.jsonl")
        #expect(warnings.isEmpty)
        #expect(transcript.state == state)
        #expect(transcript.header?.arenaVersion == "2.0")
        #expect(transcript.startedAt == TranscriptSamples.start)
        #expect(transcript.turns.map(\.prompt) == state.a.turns.map(\.prompt))
    }

    @Test("settings, system prompts, retries, clears, swaps and model changes are followed")
    func fullSession() {
        let events: [TranscriptEvent] = [
            .session(.init(arenaVersion: "1")),
            .model(.init(side: .a, descriptor: TranscriptSamples.modelA)),
            .model(.init(side: .b, descriptor: TranscriptSamples.modelB)),
            .systemPrompt(.init(side: .a, text: "Be terse.")),
            .user(.init(turn: 1, prompt: "one")),
            .answer(.init(turn: 1, side: .a, answer: answer("a1"))),
            .answer(.init(turn: 1, side: .b, answer: answer("b1"))),
            .vote(.init(turn: 1, verdict: .b, anonymous: false, modelA: "gpt-4o", modelB: "parrot")),
            .settings(.init(side: .b, temperature: 0.3, seed: 7)),
            .user(.init(turn: 2, prompt: "two")),
            .answer(.init(turn: 2, side: .a, answer: answer("a2"))),
            .answer(.init(turn: 2, side: .b, answer: answer("b2"))),
            .answer(.init(turn: 2, side: .b, answer: answer("b2 retried"))),
            .grade(.init(turn: 2, side: .a, extractedLetter: "B", correctLetter: "A")),
            .clear,
            .user(.init(turn: 3, prompt: "three")),
            .answer(.init(turn: 3, side: .a, answer: answer("a3"))),
            .answer(.init(turn: 3, side: .b, answer: answer("b3"))),
            .model(.init(side: .b, descriptor: TranscriptSamples.modelC)),
            .swap,
            .user(.init(turn: 4, prompt: "four")),
            .answer(.init(turn: 4, side: .a, answer: answer("a4"))),
            .answer(.init(turn: 4, side: .b, answer: answer("b4"))),
            .answer(.init(turn: 4, side: .b, answer: answer("a4"), adoptedFrom: .a)),
            .systemPrompt(.init(side: .a, text: nil)),
            .user(.init(turn: 5, prompt: "five")),
            .answer(.init(turn: 5, side: .b, answer: answer("b5"))),
        ]
        let transcript = load(events)

        #expect(transcript.turns.map(\.number) == [1, 2, 3, 4, 5])
        // Per-turn settings and system prompts, as a replay needs them.
        #expect(transcript.turns[0].settings.a.systemPrompt == "Be terse.")
        #expect(transcript.turns[0].settings.b == GenerationSettings())
        #expect(transcript.turns[1].settings.b == GenerationSettings(temperature: 0.3, seed: 7))
        #expect(transcript.turns[1].answers.b?.answer.text == "b2 retried")
        #expect(transcript.turns[2].historyResetBefore == SidePair(a: true, b: true))
        #expect(transcript.turns[1].historyResetBefore == SidePair(both: false))
        // Turn 4: B got llama-3, then the sides swapped.
        #expect(transcript.turns[3].models.a.name == "llama-3")
        #expect(transcript.turns[3].models.b.name == "gpt-4o")
        #expect(transcript.turns[3].settings.b.systemPrompt == "Be terse.")
        #expect(transcript.turns[3].swappedBefore)
        #expect(transcript.turns[3].historyResetBefore == SidePair(a: true, b: false))
        #expect(transcript.turns[4].settings.a.systemPrompt == nil)
        #expect(transcript.turns[0].votes.map(\.verdict) == [.b])
        #expect(transcript.turns[1].grades.first?.isCorrect == false)
        #expect(transcript.votes.count == 1)
        #expect(transcript.grades.count == 1)

        // The state at the end: A is llama-3 (turns 4, 5), B is gpt-4o (turns 3, 4, 5).
        let state = transcript.state
        #expect(state.a.model.name == "llama-3")
        #expect(state.a.turns.map(\.answer.text) == ["a4", ""])
        #expect(state.a.turns.last?.answer.status == .interrupted)
        #expect(state.b.model.name == "gpt-4o")
        #expect(state.b.turns.map(\.prompt) == ["three", "four", "five"])
        #expect(state.b.turns.map(\.answer.text) == ["a3", "a4", "b5"])
        #expect(state.b.settings.systemPrompt == "Be terse.")
        #expect(state.a.settings == GenerationSettings(temperature: 0.3, seed: 7))
        #expect(transcript.modelIdentities.a?.name == "llama-3")
        #expect(transcript.modelIdentities.a?.side == .a)
        #expect(transcript.warnings == [.unansweredTurn(file: "s.jsonl", turn: 5, side: .a)])
    }

    @Test("an answer for a turn never asked is ignored with a warning; missing models get placeholders")
    func oddities() {
        let transcript = load([
            .session(.init(arenaVersion: "1")),
            .answer(.init(turn: 9, side: .a, answer: answer("stray"))),
        ])
        #expect(transcript.turns.isEmpty)
        #expect(transcript.warnings.contains(.answerWithoutTurn(file: "s.jsonl", line: 2, turn: 9)))
        #expect(transcript.warnings.contains(.missingModel(file: "s.jsonl", side: .b)))
        #expect(transcript.state.a.model.problem != nil)
    }

    @Test("a session continued from another names its source")
    func source() {
        let transcript = load([.session(.init(arenaVersion: "1", source: "/t/old.jsonl"))])
        #expect(transcript.source == "/t/old.jsonl")
    }
}
