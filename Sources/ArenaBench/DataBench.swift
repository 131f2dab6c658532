import ArenaKit
import Foundation

/// Section 5: loading the MMLU data set, and writing and loading a long transcript.
struct DataBench {
    var mmluDirectory: String
    var scratch: String
    var turns: Int
    var repetitions: Int
    var log: (String) -> Void

    func measure() -> [Measurement] {
        mmlu() + transcript()
    }

    private func mmlu() -> [Measurement] {
        let label = "MMLU: load all questions"
        log("data: MMLU from \(mmluDirectory) ×\(repetitions + 1)")
        var times: [Double] = []
        var count = 0
        do {
            for index in 0...repetitions {
                let start = ContinuousClock.now
                let bank = try MMLUQuestionBank.load(explicitDirectory: mmluDirectory, environment: [:])
                let elapsed = (ContinuousClock.now - start).seconds
                count = bank.count
                guard case .directory = bank.source else {
                    return [.failed(id: "data.mmlu_load_ms", section: 5, label: label, unit: "ms", target: .atMost(50), reason: "no MMLU data at \(mmluDirectory) (got \(bank.sourceDescription))")]
                }
                // The first load reads the files into the page cache; the timed ones are warm.
                if index > 0 { times.append(elapsed) }
            }
        } catch {
            return [.failed(id: "data.mmlu_load_ms", section: 5, label: label, unit: "ms", target: .atMost(50), reason: "\(error)")]
        }
        let samples = Samples(times)
        return [Measurement(id: "data.mmlu_load_ms", section: 5, label: label, value: samples.median * 1000, unit: "ms", target: .atMost(50), decimals: 1,
                            note: "\(count) questions\(count == 15_858 ? "" : " (expected 15,858)"); median of \(times.count) warm loads (min \(Report.format(samples.minimum * 1000, decimals: 1)) ms)")]
    }

    private func transcript() -> [Measurement] {
        let path = (scratch as NSString).appendingPathComponent("bench-\(turns)-turns.jsonl")
        try? FileManager.default.removeItem(atPath: path)
        log("data: transcript of \(turns) turns")
        let writeTime: Double
        do {
            let start = ContinuousClock.now
            let writer = try TranscriptWriter(creatingAt: path)
            let a = ModelDescriptor(name: "a1", provider: .openAI, origin: .environment, endpointHost: "127.0.0.1", remoteModel: "a1")
            let b = ModelDescriptor(name: "b1", provider: .openAI, origin: .environment, endpointHost: "127.0.0.1", remoteModel: "b1")
            try writer.record(.session(.init(arenaVersion: "bench")))
            try writer.record(.model(.init(side: .a, descriptor: a)))
            try writer.record(.model(.init(side: .b, descriptor: b)))
            for turn in 1...turns {
                try writer.record(.user(.init(turn: turn, prompt: "Question \(turn): explain the difference between a list and a tuple, briefly.")))
                for side in [Side.a, Side.b] {
                    let answer = Answer(
                        text: Self.answerText(turn: turn, side: side),
                        status: .done,
                        finishReason: FinishReason(providerValue: "stop"),
                        usage: TokenUsage(inputTokens: 40 + turn, outputTokens: 180),
                        timeToFirstToken: 0.25,
                        duration: 3.5
                    )
                    try writer.record(.answer(.init(turn: turn, side: side, model: side == .a ? "a1" : "b1", answer: answer)))
                }
            }
            try writer.close()
            writeTime = (ContinuousClock.now - start).seconds
        } catch {
            return [.failed(id: "data.transcript_load_ms", section: 5, label: "transcript: load \(turns) turns", unit: "ms", target: .atMost(50), reason: "cannot write: \(error)")]
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var results = [Measurement(id: "data.transcript_write_ms", section: 5, label: "transcript: write \(turns) turns", value: writeTime * 1000, unit: "ms",
                                   target: nil, decimals: 1, note: "\(3 * turns + 3) events, \(size / 1024) KiB, one write per event, no fsync")]
        var times: [Double] = []
        do {
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                let (loaded, _) = try TranscriptReader.load(path: path)
                times.append((ContinuousClock.now - start).seconds)
                guard loaded.turns.count == turns else {
                    throw ChildProcessError(description: "loaded \(loaded.turns.count) turns, expected \(turns)")
                }
            }
        } catch {
            results.append(.failed(id: "data.transcript_load_ms", section: 5, label: "transcript: load \(turns) turns", unit: "ms", target: .atMost(50), reason: "\(error)"))
            return results
        }
        let samples = Samples(times)
        results.append(Measurement(id: "data.transcript_load_ms", section: 5, label: "transcript: load \(turns) turns", value: samples.median * 1000, unit: "ms",
                                   target: turns == 1000 ? .atMost(50) : nil, decimals: 1,
                                   note: "median of \(repetitions) (min \(Report.format(samples.minimum * 1000, decimals: 1)) ms)"))
        try? FileManager.default.removeItem(atPath: path)
        return results
    }

    /// About 900 bytes of answer text with a code block, some punctuation and a non-ASCII word.
    static func answerText(turn: Int, side: Side) -> String {
        let paragraph = "A list is mutable and a tuple is not; that is the heart of it (turn \(turn), side \(side.label)). Lists grow and shrink, tuples are fixed, so tuples can be dictionary keys and are a little smaller and faster to build. Use a tuple for a record whose fields have meaning by position — café, naïve — and a list for a sequence of like things.\n\n"
        return paragraph + "```python\npoint = (3, 4)\nnames = [\"ada\", \"grace\"]\nnames.append(\"barbara\")\n```\n\n" + paragraph
    }
}
