import ArenaKit
import Foundation

/// Section 6: the leaderboard and the FastChat export over many voted turns, at `turns` and
/// at twice that, so the growth shows whether the work is linear (×2) or quadratic (×4).
///
/// Two transcript shapes: blind battles (a `/clear` and new models before each voted turn, as
/// `/battle` records them) and one long named conversation with a vote on every turn. The
/// export is measured on the battles: on the long conversation its output is quadratic by
/// definition, as every FastChat record carries the conversation up to its vote.
///
/// The growth is taken from the process's CPU time (user + system; the work is on one
/// thread), which other processes on a busy machine disturb far less than the wall time.
struct RatingsBench {
    var scratch: String
    var turns: Int
    var repetitions: Int
    var log: (String) -> Void

    private enum Shape: String {
        case battles = "blind battles"
        case conversation = "one conversation"
    }

    func measure() -> [Measurement] {
        do {
            return try leaderboard(.battles) + leaderboard(.conversation) + export()
        } catch {
            return [.failed(id: "ratings.leaderboard_ms", section: 6, label: "leaderboard: \(turns) voted turns", unit: "ms", reason: "\(error)")]
        }
    }

    private func leaderboard(_ shape: Shape) throws -> [Measurement] {
        let times = try [turns, 2 * turns].map { count in
            let directory = try write(shape, voted: count)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            log("ratings: leaderboard, \(shape.rawValue), \(count) voted turns ×\(repetitions)")
            return try median {
                _ = try LeaderboardReport.make(directory: directory, includeNamed: true, bootstrapRounds: 1000)
            }
        }
        let key = shape == .battles ? "battles" : "conversation"
        return pair(id: "ratings.leaderboard_\(key)", label: "leaderboard, \(shape.rawValue)", times: times, note: "1000 bootstrap rounds; median of \(repetitions)")
    }

    private func export() throws -> [Measurement] {
        var bytes = 0
        let times = try [turns, 2 * turns].map { count in
            let directory = try write(.battles, voted: count)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            log("ratings: FastChat export, blind battles, \(count) voted turns ×\(repetitions)")
            return try median {
                var written = 0
                _ = try FastChatDirectoryExport.write(directory: directory, layout: .jsonArray) { written += $0.utf8.count }
                if count == turns { bytes = written }
            }
        }
        return pair(id: "ratings.export_battles", label: "FastChat export, blind battles", times: times, note: "\(bytes / 1024) KiB written; median of \(repetitions)")
    }

    /// The time at `turns` and the growth to twice as many (target: clearly below quadratic).
    private func pair(id: String, label: String, times: [Timing], note: String) -> [Measurement] {
        let growth = times[1].cpu / max(times[0].cpu, 1e-9)
        return [
            Measurement(id: id + "_ms", section: 6, label: "\(label): \(turns) voted turns", value: times[0].wall * 1000, unit: "ms", target: nil, decimals: 1,
                        note: note + ", CPU \(Report.format(times[0].cpu * 1000, decimals: 1)) ms"),
            Measurement(id: id + "_growth", section: 6, label: "\(label): growth to \(2 * turns)", value: growth, unit: "×", target: .atMost(2.8), decimals: 2,
                        note: "CPU time; linear is ×2, quadratic ×4 (\(Report.format(times[1].cpu * 1000, decimals: 1)) ms CPU, \(Report.format(times[1].wall * 1000, decimals: 1)) ms wall)"),
        ]
    }

    /// Wall and CPU seconds of one measurement (medians over the repetitions).
    private struct Timing {
        var wall: Double
        var cpu: Double
    }

    private func median(_ body: () throws -> Void) throws -> Timing {
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            let cpuStart = ProcessCPU.seconds()
            try body()
            cpu.append(ProcessCPU.seconds() - cpuStart)
            wall.append((ContinuousClock.now - start).seconds)
        }
        return Timing(wall: Samples(wall).median, cpu: Samples(cpu).median)
    }

    /// A directory holding one transcript of `voted` voted turns in `shape`.
    private func write(_ shape: Shape, voted: Int) throws -> String {
        let directory = (scratch as NSString).appendingPathComponent("ratings-\(shape == .battles ? "battles" : "conversation")-\(voted)")
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let writer = try TranscriptWriter(creatingAt: (directory as NSString).appendingPathComponent("bench.jsonl"))
        let models = ["m1", "m2", "m3", "m4"].map { ModelDescriptor(name: $0, provider: .builtIn, origin: .builtIn) }
        try writer.record(.session(.init(arenaVersion: "bench")))
        var pair = (models[0], models[1])
        for turn in 1...voted {
            if shape == .battles || turn == 1 {
                let first = turn % 4
                pair = (models[first], models[(first + 1 + (turn / 4) % 3) % 4])
                try writer.record(.model(.init(side: .a, descriptor: pair.0, blind: shape == .battles)))
                try writer.record(.model(.init(side: .b, descriptor: pair.1, blind: shape == .battles)))
                try writer.record(.clear)
            }
            try writer.record(.user(.init(turn: turn, prompt: "Question \(turn): explain the difference between a list and a tuple, briefly.")))
            for side in [Side.a, Side.b] {
                let answer = Answer(text: DataBench.answerText(turn: turn, side: side), status: .done, finishReason: .stop)
                try writer.record(.answer(.init(turn: turn, side: side, model: side == .a ? pair.0.name : pair.1.name, answer: answer)))
            }
            let verdict: TranscriptEvent.Verdict = [.a, .b, .a, .tie, .b, .bad, .a][turn % 7]
            try writer.record(.vote(.init(turn: turn, verdict: verdict, anonymous: shape == .battles, modelA: pair.0.name, modelB: pair.1.name)))
        }
        try writer.close()
        return directory
    }
}
