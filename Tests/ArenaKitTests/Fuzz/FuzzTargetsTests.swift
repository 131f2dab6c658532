import Foundation
import Testing
@testable import ArenaKit

/// The fuzz targets: every reader of input arena does not control, fed mutated copies of the
/// repository's own examples. See ``FuzzHarness`` and `scripts/fuzz`.
@Suite struct FuzzTargetsTests {
    static let sseSeeds: [[UInt8]] = [
        "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n",
        "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\r\n\r\n: keep-alive\r\n\r\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        "\u{FEFF}id: 7\nretry: 100\ndata: a\ndata: b\n\nerror: {\"message\":\"x\"}\n\n",
    ].map { Array($0.utf8) }

    @Test func sseDecoderReadsTheSameWhateverTheChunks() {
        var harness = FuzzHarness(target: "sse", seeds: Self.sseSeeds)
        var splitter = SplitMix64(seed: 99)
        harness.run { bytes in
            var whole = SSEDecoder(acceptsLegacyErrorField: true)
            var expected: [ServerSentEvent] = []
            whole.feed(bytes) { expected.append($0) }
            var pieces = SSEDecoder(acceptsLegacyErrorField: true)
            var found: [ServerSentEvent] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...9, using: &splitter))
                pieces.feed(Array(bytes[start..<end])) { found.append($0) }
                start = end
            }
            #expect(found == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func openAIStreamDecodingNeverCrashes() {
        var harness = FuzzHarness(target: "openai-stream", seeds: Self.sseSeeds)
        harness.run { bytes in
            var decoder = OpenAIStreamDecoder(requestedModel: "m")
            let sink = RecordingSink()
            do {
                try bytes.withUnsafeBytes { try decoder.consume($0, into: sink) }
                try decoder.finish(into: sink)
            } catch is ProviderError {
                // A typed, describable failure is the right outcome for a broken stream.
            } catch {
                Issue.record("untyped error \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test func jsonParserRoundTripsWhatItAccepts() {
        let lines = FuzzHarness.repositoryFiles(["transcripts/examples/capitals.jsonl"]).flatMap { $0.split(separator: 0x0A).map(Array.init) }
        var harness = FuzzHarness(target: "json", seeds: lines + Self.sseSeeds.prefix(1).map { Array($0.dropFirst(6).prefix(50)) })
        harness.run { bytes in
            guard let value = try? JSONParser.parse(bytes) else { return }
            var written: [UInt8] = []
            value.write(to: &written)
            let again = try? JSONParser.parse(written)
            #expect(again == value, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func transcriptReaderLoadsOrReportsNeverCrashes() {
        var harness = FuzzHarness(target: "transcript", seeds: FuzzHarness.repositoryFiles(["transcripts/examples/capitals.jsonl"]), defaultIterations: 1_000)
        harness.run { bytes in
            do {
                // Loaded, it is also shown: exports format every duration, count and cost.
                let (transcript, _) = try TranscriptReader.load(data: Data(bytes), file: "fuzz.jsonl")
                _ = MarkdownTranscriptExporter.render(transcript)
                _ = HTMLTranscriptExporter.render(transcript)
            } catch let error as TranscriptLoadError {
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
    }

    @Test func scriptParserParsesOrNamesTheLine() {
        let seeds = FuzzHarness.repositoryFiles(["transcripts/examples/capitals.arena", "transcripts/examples/failing.arena", "transcripts/examples/smoke.arena"])
        #expect(seeds.count == 3)
        var harness = FuzzHarness(target: "arena-script", seeds: seeds)
        harness.run { bytes in
            do {
                _ = try ScriptParser.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.arena")
            } catch let error as ScriptError {
                #expect(error.location.file == "fuzz.arena")
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
    }

    @Test func modelsFileLoaderLoadsOrNamesTheLine() {
        var harness = FuzzHarness(target: "models-file", seeds: [Array(ModelsFileTests().goodFile.utf8)], defaultIterations: 1_500)
        harness.run { bytes in
            var parser = ModelsFileParser(file: "models.yaml", environment: ConfigEnvironment(process: ["K": "key"]), isReadableByOthers: false)
            do {
                _ = try parser.parse(String(decoding: bytes, as: UTF8.self))
            } catch let error as ConfigError {
                #expect(error.file == "models.yaml")
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
    }

    @Test func dotEnvParsingKeepsLineNumbersInTheFile() {
        let seed = "# settings\nexport GPT_4O_ENDPOINT=\"https://x.openai.azure.com/openai/deployments/gpt-4o\"\nGPT_4O_KEY='k'\nPLAIN=v # c\nESC=\"a\\nb\"\n"
        var harness = FuzzHarness(target: "dotenv", seeds: [Array(seed.utf8)])
        harness.run { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
            for entry in DotEnv.parse(text) {
                #expect((1...max(1, lines)).contains(entry.line), "\(text.debugDescription)")
            }
        }
    }

    @Test func mmluCSVReaderReadsOrNamesTheLine() {
        var seeds = [Array("\"What is 2+2?\",3,4,\"5, or \"\"five\"\"\",6,B\nSecond,a,b,c,d,A\r\n".utf8)]
        let release = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/mmlu/data/dev/abstract_algebra_dev.csv").path
        if let data = FileManager.default.contents(atPath: release) { seeds.append(Array(data)) }
        var harness = FuzzHarness(target: "mmlu-csv", seeds: seeds)
        harness.run { bytes in
            do {
                _ = try MMLUCSVReader.records(in: bytes, file: "fuzz.csv")
            } catch {
                #expect("\(error)".contains("fuzz.csv"))
            }
        }
    }
}
