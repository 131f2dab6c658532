import ArenaKit
import Foundation

/// Section 3: SSE decoding alone and chunk JSON decoding alone, in this process, on the same
/// chunks the loopback server's firehose sends.
struct DecodingBench {
    var chunks: Int
    /// At most this many repetitions of each measurement …
    var maxRepetitions = 15
    /// … and no more repetitions once this much time was spent on one measurement.
    var timeBudget: Duration = .seconds(2)
    var chunkText = " word"
    var log: (String) -> Void

    /// The exact event the test server's firehose sends for each chunk.
    var chunkEvent: String {
        "data: {\"id\":\"chatcmpl-fire\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"a1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\(chunkText)\"},\"finish_reason\":null}]}\n\n"
    }

    func measure() -> [Measurement] {
        let event = Array(chunkEvent.utf8)
        var stream: [UInt8] = []
        stream.reserveCapacity(event.count * chunks + 16)
        for _ in 0..<chunks { stream += event }
        stream += Array("data: [DONE]\n\n".utf8)
        var results: [Measurement] = []

        log("decoding: SSE, \(chunks) events (\(stream.count / 1024) KiB) in 16 KiB reads")
        var events: [[UInt8]] = []
        let sseTimes = repeatTimed { () -> Int in
            var decoder = SSEDecoder(acceptsLegacyErrorField: true)
            var count = 0
            stream.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let end = min(offset + 16 << 10, all.count)
                    decoder.feed(rawBytes: UnsafeRawBufferPointer(rebasing: all[offset..<end])) { _ in count += 1 }
                    offset = end
                }
            }
            return count
        }
        var collector = SSEDecoder()
        collector.feed(stream) { events.append($0.data) }
        let megabytes = Double(stream.count) / 1_000_000
        results.append(Measurement(id: "decode.sse.megabytes_per_second", section: 3, label: "SSE decoding (SSEDecoder)", value: megabytes / sseTimes.minimum,
                                   unit: "MB/s", target: nil, decimals: 0,
                                   note: "\(Report.format(Double(chunks + 1) / sseTimes.minimum, decimals: 0)) events/s; \(stream.count) bytes, best of \(sseTimes.sorted.count)"))

        let dataEvents = events.filter { $0 != Array("[DONE]".utf8) }
        log("decoding: JSON, \(dataEvents.count) chunks")
        let parseTimes = repeatTimed { () -> Int in
            var parser = JSONParser()
            var count = 0
            for data in dataEvents {
                if (try? parser.parse(data)) != nil { count += 1 }
            }
            return count
        }
        results.append(Measurement(id: "decode.json.chunks_per_second", section: 3, label: "chunk JSON parsing (JSONParser)",
                                   value: Double(dataEvents.count) / parseTimes.minimum, unit: "chunks/s", target: nil, decimals: 0,
                                   note: "\(event.count - 8)-byte chunks, one reused parser, best of \(parseTimes.sorted.count)"))

        let interpretTimes = repeatTimed { () -> Int in
            var parser = JSONParser()
            var text = ""
            for data in dataEvents {
                guard let json = try? parser.parse(data) else { continue }
                ChunkReading.deliverContent(of: json) { text += $0 }
            }
            return text.utf8.count
        }
        results.append(Measurement(id: "decode.json_interpret.chunks_per_second", section: 3, label: "chunk JSON parse + read + accumulate",
                                   value: Double(dataEvents.count) / interpretTimes.minimum, unit: "chunks/s", target: nil, decimals: 0,
                                   note: "a copy of ChatCompletionChunkInterpreter.handle's reads (the interpreter is internal); best of \(interpretTimes.sorted.count)"))

        let pipelineTimes = repeatTimed { () -> Int in
            var decoder = SSEDecoder(acceptsLegacyErrorField: true)
            var parser = JSONParser()
            var text = ""
            stream.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let end = min(offset + 16 << 10, all.count)
                    decoder.feed(rawBytes: UnsafeRawBufferPointer(rebasing: all[offset..<end])) { event in
                        if event.isDoneMarker { return }
                        guard let json = try? parser.parse(event.data) else { return }
                        ChunkReading.deliverContent(of: json) { text += $0 }
                    }
                    offset = end
                }
            }
            return text.utf8.count
        }
        results.append(Measurement(id: "decode.pipeline.chunks_per_second", section: 3, label: "SSE + JSON + accumulate, one thread",
                                   value: Double(dataEvents.count) / pipelineTimes.minimum, unit: "chunks/s", target: nil, decimals: 0,
                                   note: "the single-core ceiling for one stream before HTTP, tasks and rendering; best of \(pipelineTimes.sorted.count)"))
        return results
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

/// What `ChatCompletionChunkInterpreter.handle` reads from each chunk, through the public
/// `JSONValue` API: the model name, choice 0's delta (reasoning, content, refusal), the finish
/// reason and usage.
enum ChunkReading {
    static func deliverContent(of json: JSONValue, _ deliver: (String) -> Void) {
        _ = json["model"]?.stringValue
        if case .array(let choices)? = json["choices"] {
            for choice in choices where (choice["index"]?.intValue ?? 0) == 0 {
                if let delta = choice["delta"] ?? choice["message"] {
                    if let reasoning = delta["reasoning_content"]?.stringValue ?? delta["reasoning"]?.stringValue, !reasoning.isEmpty {
                        deliver(reasoning)
                    }
                    if let content = delta["content"]?.stringValue, !content.isEmpty { deliver(content) }
                    if let refusal = delta["refusal"]?.stringValue, !refusal.isEmpty { deliver(refusal) }
                }
                _ = choice["finish_reason"]?.stringValue
            }
        }
        if case .object(let usage)? = json["usage"] {
            _ = usage["prompt_tokens"]?.intValue ?? usage["input_tokens"]?.intValue
        }
    }
}
