import ArenaKit
import Foundation

/// The live column renderer alone, in this process: both sides' firehose text handed to a
/// ``TurnRenderer`` (160 × 48, colour on, Markdown on or off) as the streams hand it over — one
/// piece per network read, the sides taking turns — with the screen output going to
/// `/dev/null`. This is the terminal's share of (2) without the network, the decoding and the
/// pty, so a change to the renderer can be measured directly.
struct RenderBench {
    let chunks: Int
    let chunkTexts: [String]
    let repetitions: Int
    let log: @Sendable (String) -> Void

    /// Chunks a network read carries on the loopback (16 KiB of ~161-byte chunks).
    static let chunksPerRead = 100

    func measure() -> [Measurement] {
        let pieces = Self.pieces(chunks: chunks, texts: chunkTexts)
        let bytes = pieces.reduce(0) { $0 + $1.utf8.count } * 2
        var results: [Measurement] = []
        for markdown in [true, false] {
            log("renderer alone, Markdown \(markdown ? "on" : "off"): \(repetitions) runs of \(chunks) chunks a side")
            var cpu: [Double] = []
            let times = Samples((0..<repetitions).map { _ in
                let cpuStart = ProcessCPU.seconds()
                defer { cpu.append(ProcessCPU.seconds() - cpuStart) }
                return Self.run(pieces: pieces, markdown: markdown)
            })
            let label = markdown ? "renderer alone, Markdown on" : "renderer alone, Markdown off"
            let id = markdown ? "render.markdown" : "render.plain"
            results.append(Measurement(id: id + ".seconds", section: 2, label: label, value: times.median * 1000, unit: "ms", decimals: 0,
                                       note: "\(Report.format(Double(bytes) / 1_048_576 / times.median, decimals: 1)) MiB/s of text, both sides, median of \(times.sorted.count)"))
            // The renderer lays the two sides out on two threads when it falls behind: its CPU
            // time is the work, which the terminal shares the cores with the streams for.
            results.append(Measurement(id: id + ".cpu_seconds", section: 2, label: label + ", CPU", value: Samples(cpu).median * 1000, unit: "ms", decimals: 0,
                                       note: "user + system, all threads, median of \(cpu.count)"))
        }
        return results
    }

    /// The text of `chunks` chunks, joined per network read.
    static func pieces(chunks: Int, texts: [String]) -> [String] {
        stride(from: 0, to: chunks, by: chunksPerRead).map { start in
            (start..<min(chunks, start + chunksPerRead)).map { texts[$0 % texts.count] }.joined()
        }
    }

    private static func run(pieces: [String], markdown: Bool) -> Double {
        let output = open("/dev/null", O_WRONLY)
        defer { close(output) }
        let renderer = Renderers.liveColumns(output: output, columns: 160, rows: 48, style: TerminalStyle(colorEnabled: true))
        let began = ContinuousClock.now
        renderer.beginTurn(TurnHeading(names: SidePair(a: "a1", b: "b1"), renderMarkdown: markdown))
        var progress = AnswerProgress(status: .streaming, startedAt: began, firstTokenAt: began)
        var answer = ""
        for piece in pieces {
            progress.outputTokens += 25
            renderer.append(piece, tone: .answer, side: .a, progress: progress)
            renderer.append(piece, tone: .answer, side: .b, progress: progress)
            answer += piece
        }
        progress = AnswerProgress(status: .done, startedAt: began, firstTokenAt: began, endedAt: .now, outputTokens: progress.outputTokens)
        for side in Side.allCases { renderer.update(progress, side: side) }
        let done = Answer(text: answer, status: .done)
        renderer.endTurn(SidePair(a: done, b: done))
        return (ContinuousClock.now - began).seconds
    }
}
