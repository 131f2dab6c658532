import Foundation

@testable import ArenaKit

/// Writes arena transcripts by hand, in the documented line format (docs/transcript-format.md),
/// for tests that need more models and votes than the built-in ones can produce.
struct SyntheticTranscript {
    private(set) var lines: [String] = []
    private var clock: Double
    private var turn = 0

    /// A transcript whose session starts at `start` (Unix seconds); each event is a second later.
    init(start: Double) {
        clock = start
        event("session", ["arena_version": "test"])
    }

    /// Unix seconds of the last event written.
    var lastTime: Double { clock - 1 }

    /// Blind models on both sides and a cleared history: what `/battle` records.
    mutating func battle(_ modelA: String, _ modelB: String) {
        for (side, name) in [("a", modelA), ("b", modelB)] {
            event("model", ["side": side, "name": name, "provider": "built-in", "origin": "built-in", "blind": true])
        }
        event("clear", [:])
    }

    /// A turn: the prompt and both answers.
    mutating func ask(_ prompt: String, answers: (String, String)) {
        turn += 1
        event("user", ["turn": turn, "prompt": prompt])
        event("answer", ["turn": turn, "side": "a", "status": "done", "text": answers.0])
        event("answer", ["turn": turn, "side": "b", "status": "done", "text": answers.1])
    }

    /// A vote on the latest turn.
    mutating func vote(_ verdict: String, anonymous: Bool, modelA: String, modelB: String) {
        event("vote", ["turn": turn, "verdict": verdict, "anonymous": anonymous, "model_a": modelA, "model_b": modelB])
    }

    mutating func event(_ type: String, _ fields: [String: Any]) {
        var object = fields
        object["type"] = type
        object["v"] = 1
        object["ts"] = Self.timestamp(clock)
        clock += 1
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        lines.append(String(decoding: data, as: UTF8.self))
    }

    func write(to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    private static func timestamp(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// Blind battles between models of known strength, two turns each, voted on the second, with
/// outcomes drawn (seeded) from the Bradley-Terry probabilities; a few named votes besides.
enum SyntheticTournament {
    static let strengths: [String: Double] = ["alpha": 1250, "beta": 1120, "gamma": 1000, "delta": 860]

    /// Writes `files` transcripts of `battlesPerFile` battles each into `directory`.
    static func write(into directory: String, files: Int, battlesPerFile: Int, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let models = strengths.keys.sorted()
        for file in 0..<files {
            var transcript = SyntheticTranscript(start: 1_790_000_000 + Double(file) * 100_000)
            for index in 0..<battlesPerFile {
                let a = models[Int.random(in: 0..<models.count, using: &generator)]
                var b = a
                while b == a { b = models[Int.random(in: 0..<models.count, using: &generator)] }
                transcript.battle(a, b)
                transcript.ask("What is the capital of France?", answers: ("Paris.", "It is Paris."))
                transcript.ask("And why is it there? Explain it in \(index) words.", answers: ("History.", "Rivers and kings."))
                let expectedA = 1 / (1 + pow(10, ((strengths[b] ?? 0) - (strengths[a] ?? 0)) / 400))
                let draw = Double.random(in: 0..<1, using: &generator)
                let verdict = draw < 0.1 ? (draw < 0.05 ? "tie" : "bad") : (Double.random(in: 0..<1, using: &generator) < expectedA ? "a" : "b")
                transcript.vote(verdict, anonymous: index % 10 != 9, modelA: a, modelB: b)
            }
            try transcript.write(to: directory + "/2026-11-0\(file + 1)T10-00-00.jsonl")
        }
    }
}
