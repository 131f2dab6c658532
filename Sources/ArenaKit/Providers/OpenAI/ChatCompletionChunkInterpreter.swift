/// Reads OpenAI-style `chat.completion.chunk` events (also Azure OpenAI, Azure AI Model
/// Inference, vLLM, llama.cpp, Ollama `/v1`, DeepSeek ...): text, reasoning
/// (`reasoning_content` or `reasoning`), finish reason, usage wherever it rides, the model
/// name, `data: [DONE]`, and errors sent inside the stream. Chunks with nothing to show
/// (`choices: []`, no `delta`, role-only, `content: null`) are skipped quietly.
struct ChatCompletionChunkInterpreter: ChunkInterpreter {
    /// The model id that was asked for; a different name in the chunks is reported.
    var requestedModel: String?
    var redactor: SecretRedactor
    private(set) var hasDeliveredContent = false
    private(set) var sawFinishReason = false
    private var reportedModel = false
    private var parser = JSONParser()
    private var template = ChatCompletionChunkTemplate()
    /// Whether chunks may be read by comparing them with the last plain one (see
    /// ``ChatCompletionChunkTemplate``); off only to measure the scanner alone.
    var usesTemplate = true

    init(requestedModel: String?, redactor: SecretRedactor) {
        self.requestedModel = requestedModel
        self.redactor = redactor
    }

    mutating func interpret(_ event: ServerSentEvent, into sink: any AnswerSink) throws -> Bool {
        if event.isDoneMarker { return true }
        if event.type != "error", interpretChunk(event.data, into: sink) { return false }
        // An error event, an error member, or malformed JSON: the full parse says which.
        let json = try parser.parseEvent(event, redactor: redactor)
        if event.type == "error" || (json["error"].map { !$0.isNull } ?? false) {
            throw ErrorBody.streamError(from: json, redactor: redactor)
        }
        // Valid JSON the scanner did not take (it never should): read it as written by arena.
        _ = interpretChunk(Array(json.jsonText.utf8), into: sink)
        return false
    }

    mutating func interpretCompleteBody(_ json: JSONValue, into sink: any AnswerSink) throws {
        _ = interpretChunk(Array(json.jsonText.utf8), into: sink)
        sawFinishReason = true
    }

    /// Delivers what the chunk in `bytes` carries; false (delivering nothing) when it is not
    /// valid JSON or is an error.
    private mutating func interpretChunk(_ bytes: [UInt8], into sink: any AnswerSink) -> Bool {
        bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw)
            if usesTemplate, let content = template.content(of: raw, scanner: scanner) {
                deliver(scanner.string(content), as: AnswerEvent.text, into: sink)
                return true
            }
            guard let chunk = try? ChatCompletionChunk(scanning: &scanner), !chunk.hasError else { return false }
            let modelWasReported = reportedModel
            deliver(chunk, from: scanner, into: sink)
            // The model's slot had no effect when it was reported before or is still not, so a
            // chunk with the same bytes around its text means only that text.
            if usesTemplate && modelWasReported == reportedModel {
                template.learn(from: chunk, bytes: raw)
            }
            return true
        }
    }

    private mutating func deliver(_ chunk: ChatCompletionChunk, from scanner: JSONScanner, into sink: any AnswerSink) {
        if !reportedModel, let slice = chunk.model {
            let model = scanner.string(slice)
            if !model.isEmpty {
                reportedModel = true
                if model != requestedModel { sink.receive(.reportedModel(model)) }
            }
        }
        chunk.forEachChoice { choice in
            if let texts = choice.texts {
                deliver(texts, from: scanner, into: sink)
            }
            if let slice = choice.finishReason {
                let reason = scanner.string(slice)
                if !reason.isEmpty {
                    sawFinishReason = true
                    sink.receive(.finished(FinishReason(providerValue: reason)))
                }
            }
        }
        let input = chunk.promptTokens ?? chunk.inputTokens
        let output = chunk.completionTokens ?? chunk.outputTokens
        if input != nil || output != nil {
            sink.receive(.usage(TokenUsage(inputTokens: input, outputTokens: output)))
        }
    }

    private mutating func deliver(_ texts: ChatCompletionChunk.Texts, from scanner: JSONScanner, into sink: any AnswerSink) {
        if let slice = texts.reasoningContent ?? texts.reasoning {
            deliver(scanner.string(slice), as: AnswerEvent.reasoning, into: sink)
        }
        if let slice = texts.content {
            deliver(scanner.string(slice), as: AnswerEvent.text, into: sink)
        }
        if let slice = texts.refusal {
            deliver(scanner.string(slice), as: AnswerEvent.text, into: sink)
        }
    }

    private mutating func deliver(_ text: String, as event: (String) -> AnswerEvent, into sink: any AnswerSink) {
        guard !text.isEmpty else { return }
        hasDeliveredContent = true
        sink.receive(event(text))
    }
}
