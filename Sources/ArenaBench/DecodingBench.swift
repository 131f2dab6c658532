import ArenaKit
import Foundation

/// Section 3: decoding in this process, without HTTP, on the same bytes the loopback server's
/// firehose sends: SSE alone, the full OpenAI stream decoding arena's clients do (with and
/// without the chunk template), and, for comparison, parsing each chunk into a JSON tree.
struct DecodingBench {
    var chunks: Int
    /// At most this many repetitions of each measurement …
    var maxRepetitions = 15
    /// … and no more repetitions once this much time was spent on one measurement.
    var timeBudget: Duration = .seconds(2)
    var chunkTexts = FirehoseText.words
    var log: (String) -> Void

    /// The exact event the test server's firehose sends for a chunk carrying `text`.
    func chunkEvent(_ text: String) -> [UInt8] {
        let content = JSONValue.string(text).jsonText
        return Array("data: {\"id\":\"chatcmpl-fire\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"a1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\(content)},\"finish_reason\":null}]}\n\n".utf8)
    }

    func measure() -> [Measurement] {
        let events = chunkTexts.map(chunkEvent)
        var stream: [UInt8] = []
        stream.reserveCapacity((events.map(\.count).max() ?? 0) * chunks + 16)
        for index in 0..<chunks { stream += events[index % events.count] }
        stream += Array("data: [DONE]\n\n".utf8)
        let expectedText = FirehoseText.textBytes(chunks: chunks, texts: chunkTexts)
        let averageChunk = (stream.count - 14) / max(chunks, 1) - 8
        var results: [Measurement] = []

        log("decoding: SSE, \(chunks) events (\(stream.count / 1024) KiB) in 16 KiB reads")
        let sseTimes = repeatTimed { () -> Int in
            var decoder = SSEDecoder(acceptsLegacyErrorField: true)
            var count = 0
            Self.feedInReads(stream) { decoder.feed(rawBytes: $0) { _ in count += 1 } }
            return count
        }
        let megabytes = Double(stream.count) / 1_000_000
        results.append(Measurement(id: "decode.sse.megabytes_per_second", section: 3, label: "SSE decoding (SSEDecoder)", value: megabytes / sseTimes.minimum,
                                   unit: "MB/s", target: nil, decimals: 0,
                                   note: "\(Report.format(Double(chunks + 1) / sseTimes.minimum, decimals: 0)) events/s; \(stream.count) bytes, best of \(sseTimes.sorted.count)"))

        for (usesTemplate, id, label) in [
            (true, "decode.stream.chunks_per_second", "OpenAI stream decoding, as the clients do"),
            (false, "decode.stream_scanned.chunks_per_second", "the same, every chunk scanned (no template)"),
        ] {
            log("decoding: \(label)")
            var received = 0
            let times = repeatTimed { () -> Int in
                var decoder = OpenAIStreamDecoder(requestedModel: "a1", usesChunkTemplate: usesTemplate)
                let sink = TextCountingSink()
                Self.feedInReads(stream) { try? decoder.consume($0, into: sink) }
                try? decoder.finish(into: sink)
                received = sink.textBytes
                return sink.textBytes
            }
            guard received == expectedText else {
                results.append(Measurement.failed(id: id, section: 3, label: label, unit: "chunks/s",
                                                  reason: "decoded \(received) bytes of text, expected \(expectedText)"))
                continue
            }
            results.append(Measurement(id: id, section: 3, label: label, value: Double(chunks) / times.minimum, unit: "chunks/s", target: nil, decimals: 0,
                                       note: "OpenAIStreamDecoder: SSE, chunk reading and text joined per 16 KiB read, one thread; best of \(times.sorted.count)"))
        }

        var dataEvents: [[UInt8]] = []
        var collector = SSEDecoder()
        collector.feed(stream) { if !$0.isDoneMarker { dataEvents.append($0.data) } }
        log("decoding: JSON trees, \(dataEvents.count) chunks")
        let parseTimes = repeatTimed { () -> Int in
            var parser = JSONParser()
            var count = 0
            for data in dataEvents where (try? parser.parse(data)) != nil { count += 1 }
            return count
        }
        results.append(Measurement(id: "decode.json.chunks_per_second", section: 3, label: "chunk JSON parsing into a tree (JSONParser)",
                                   value: Double(dataEvents.count) / parseTimes.minimum, unit: "chunks/s", target: nil, decimals: 0,
                                   note: "for comparison: what reading a chunk cost before the scanner; ~\(averageChunk)-byte chunks, best of \(parseTimes.sorted.count)"))
        return results
    }

    /// Hands `stream` to `body` in 16 KiB pieces, as network reads would.
    private static func feedInReads(_ stream: [UInt8], _ body: (UnsafeRawBufferPointer) -> Void) {
        stream.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + 16 << 10, all.count)
                body(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
            }
        }
    }

    /// Runs `body` at least three times and until the budget or the repetition limit is
    /// reached; returns the times in seconds.
    private func repeatTimed(_ body: () -> Int) -> Samples {
        var times: [Double] = []
        let began = ContinuousClock.now
        var sink = 0
        while times.count < maxRepetitions && (times.count < 3 || ContinuousClock.now - began < timeBudget) {
            let start = ContinuousClock.now
            sink &+= body()
            times.append((ContinuousClock.now - start).seconds)
        }
        if sink == Int.min { print("") }
        return Samples(times)
    }
}

/// A sink that only counts the text it receives, for measuring decoding alone.
final class TextCountingSink: AnswerSink, @unchecked Sendable {
    private(set) var textBytes = 0

    func receive(_ event: AnswerEvent) {
        if case .text(let piece) = event { textBytes += piece.utf8.count }
    }
}
