import Testing
@testable import ArenaKit

/// The streaming fast path (`ChatCompletionChunk` read with a `JSONScanner`) must deliver
/// exactly what reading the parsed tree delivers, for well-formed and malformed chunks alike.
/// `TreeReference` below is the tree-based reading it replaced, kept as the oracle.
@Suite struct ChatCompletionChunkTests {
    static let samples = [
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":" word"},"finish_reason":null}]}"#,
        #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"think"},"logprobs":null}],"model":"deepseek-r1"}"#,
        #"{"choices":[{"delta":{"reasoning":"hmm","content":"caf\u00e9 \ud83d\ude00 \"q\""},"index":0}]}"#,
        #"{"choices":[{"index":1,"delta":{"content":"other"}},{"index":0,"delta":{"content":"mine"},"finish_reason":"stop"},{"index":0.0,"delta":{"refusal":"no"}}]}"#,
        #"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46}}"#,
        #"{"usage":{"input_tokens":"x","output_tokens":7.9},"choices":"not an array"}"#,
        #"{"choices":[{"message":{"role":"assistant","content":"whole"},"finish_reason":"length"}],"model":"m"}"#,
        #"{"choices":[{"delta":null,"message":{"content":"ignored because delta is present"}}]}"#,
        #"{"model":"first","model":"second","choices":[{"delta":{"content":"a","content":"b"}}],"choices":[{"delta":{"content":"c"}}]}"#,
        #"{"error":null,"choices":[{"index":0,"delta":{"content":"fine"}}]}"#,
        #"{"error":{"message":"overloaded","code":"529"}}"#,
        #"{"\u006dodel":"escaped key","choices":[{"index":0,"d\u0065lta":{"cont\u0065nt":"x\n"}}],"extra":[1,{"a":[true,false,null]}]}"#,
        #"[1,2,3]"#, #""just a string""#, "42", "null", " {} ",
        #"{"choices":[{"index":"0","delta":{"content":7}},5,null],"model":""}"#,
        #"{"choices":[{"index":0,"delta":{"content":""},"finish_reason":""}],"usage":null}"#,
    ]

    /// The events and the error, if any, from interpreting one `data:` payload.
    private struct Outcome: Equatable {
        var events: [AnswerEvent]
        var error: String?
    }

    /// Interprets `texts` as one stream's events, stopping at the first error.
    private func fastPath(_ texts: String...) -> Outcome { fastPath(texts) }

    private func fastPath(_ texts: [String]) -> Outcome {
        var interpreter = ChatCompletionChunkInterpreter(requestedModel: "requested", redactor: SecretRedactor([]))
        let sink = RecordingSink()
        do {
            for text in texts { _ = try interpreter.interpret(ServerSentEvent(text: text), into: sink) }
            return Outcome(events: sink.events, error: nil)
        } catch {
            return Outcome(events: sink.events, error: "\(error)")
        }
    }

    private func treeReference(_ texts: String...) -> Outcome { treeReference(texts) }

    private func treeReference(_ texts: [String]) -> Outcome {
        let sink = RecordingSink()
        var reportedModel = false
        do {
            for text in texts {
                var parser = JSONParser()
                let json = try parser.parseEvent(ServerSentEvent(text: text), redactor: SecretRedactor([]))
                if json["error"].map({ !$0.isNull }) ?? false {
                    throw ErrorBody.streamError(from: json, redactor: SecretRedactor([]))
                }
                TreeReference.handle(json, requestedModel: "requested", reportedModel: &reportedModel, into: sink)
            }
            return Outcome(events: sink.events, error: nil)
        } catch {
            return Outcome(events: sink.events, error: "\(error)")
        }
    }

    /// A chunk as OpenAI streams them, with `content` as the JSON text of the content value.
    static func streamChunk(_ content: String, finish: String = "null", model: String = "gpt-4o") -> String {
        #"{"id":"chatcmpl-9","object":"chat.completion.chunk","created":1700000000,"model":"\#(model)","choices":[{"index":0,"delta":{"content":\#(content)},"logprobs":null,"finish_reason":\#(finish)}]}"#
    }

    /// A stream whose chunks share their bytes around the text, with the odd one that only
    /// nearly does.
    static let stream = [
        streamChunk(#""""#, model: ""), streamChunk(#""Hello""#), streamChunk(#"" wor\"ld\n""#), streamChunk(#""""#),
        streamChunk(#""caf\u00e9""#), streamChunk("42"), streamChunk("null"), streamChunk(#""a","refusal":"b""#),
        streamChunk(#""x"  "#), streamChunk(#""tab\there""#), streamChunk(#""unterminated"#),
        streamChunk(#""plain""#, model: "other"), streamChunk(#""again""#), streamChunk(#""done""#, finish: #""stop""#),
    ]

    @Test func samplesReadTheSameAsTheTree() {
        for text in Self.samples {
            #expect(fastPath(text) == treeReference(text), "\(text)")
        }
    }

    @Test func theUsualChunkGivesItsTextAndModel() {
        #expect(fastPath(Self.samples[0]).events == [.reportedModel("gpt-4o"), .text(" word")])
        #expect(fastPath(Self.samples[11]).events == [.reportedModel("escaped key"), .text("x\n")])
    }

    @Test func damagedChunksReadTheSameAsTheTree() {
        var generator = SplitMix64(seed: 7)
        for round in 0..<4_000 {
            let text = Self.damaged(Self.samples[round % Self.samples.count], using: &generator)
            #expect(fastPath(text) == treeReference(text), "\(text)")
        }
    }

    @Test func aStreamOfLookAlikeChunksReadsTheSameAsTheTree() {
        for end in 1...Self.stream.count {
            let prefix = Array(Self.stream[..<end])
            #expect(fastPath(prefix) == treeReference(prefix), "\(prefix.last!)")
        }
        let whole = Array(Self.stream[..<10])
        #expect(fastPath(whole).events == [
            .reportedModel("gpt-4o"), .text("Hello"), .text(" wor\"ld\n"), .text("café"), .text("a"), .text("b"), .text("x"),
            .text("tab\there"),
        ])
    }

    @Test func damagedStreamsReadTheSameAsTheTree() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<1_500 {
            var stream = Array(Self.stream[1..<5])
            let victim = Int.random(in: 0..<stream.count, using: &generator)
            stream[victim] = Self.damaged(stream[victim], using: &generator)
            #expect(fastPath(stream) == treeReference(stream), "\(stream[victim])")
        }
    }

    /// `text` with one to three bytes removed, inserted or replaced.
    private static func damaged(_ text: String, using generator: inout SplitMix64) -> String {
        let alphabet = Array(#"{}[]:,"\ u0aeE.-+1tfnl "#.utf8)
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes.remove(at: position)
            case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
            default: bytes[position] = alphabet.randomElement(using: &generator)!
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aCompleteAnswerIsReadLikeAChunk() throws {
        var interpreter = ChatCompletionChunkInterpreter(requestedModel: "m", redactor: SecretRedactor([]))
        let sink = RecordingSink()
        try interpreter.interpretCompleteBody(JSONParser.parse(Self.samples[6]), into: sink)
        #expect(sink.events == [.text("whole"), .finished(FinishReason(providerValue: "length"))])
        #expect(interpreter.sawFinishReason)
    }
}

/// The tree-based reading of a chunk that the scanner replaced.
private enum TreeReference {
    static func handle(_ json: JSONValue, requestedModel: String?, reportedModel: inout Bool, into sink: any AnswerSink) {
        if !reportedModel, let model = json["model"]?.stringValue, !model.isEmpty {
            reportedModel = true
            if model != requestedModel { sink.receive(.reportedModel(model)) }
        }
        if case .array(let choices)? = json["choices"] {
            for choice in choices where (choice["index"]?.intValue ?? 0) == 0 {
                if let delta = choice["delta"] ?? choice["message"] {
                    if let reasoning = delta["reasoning_content"]?.stringValue ?? delta["reasoning"]?.stringValue, !reasoning.isEmpty {
                        sink.receive(.reasoning(reasoning))
                    }
                    if let content = delta["content"]?.stringValue, !content.isEmpty { sink.receive(.text(content)) }
                    if let refusal = delta["refusal"]?.stringValue, !refusal.isEmpty { sink.receive(.text(refusal)) }
                }
                if let reason = choice["finish_reason"]?.stringValue, !reason.isEmpty {
                    sink.receive(.finished(FinishReason(providerValue: reason)))
                }
            }
        }
        if case .object(let usage)? = json["usage"] {
            let input = usage["prompt_tokens"]?.intValue ?? usage["input_tokens"]?.intValue
            let output = usage["completion_tokens"]?.intValue ?? usage["output_tokens"]?.intValue
            if input != nil || output != nil {
                sink.receive(.usage(TokenUsage(inputTokens: input, outputTokens: output)))
            }
        }
    }
}
