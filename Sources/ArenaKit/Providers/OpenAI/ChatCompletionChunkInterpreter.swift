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

    init(requestedModel: String?, redactor: SecretRedactor) {
        self.requestedModel = requestedModel
        self.redactor = redactor
    }

    mutating func interpret(_ event: ServerSentEvent, into sink: any AnswerSink) throws -> Bool {
        if event.isDoneMarker { return true }
        let json = try parser.parseEvent(event, redactor: redactor)
        if event.type == "error" || (json["error"].map { !$0.isNull } ?? false) {
            throw ErrorBody.streamError(from: json, redactor: redactor)
        }
        handle(json, into: sink)
        return false
    }

    mutating func interpretCompleteBody(_ json: JSONValue, into sink: any AnswerSink) throws {
        handle(json, into: sink)
        sawFinishReason = true
    }

    private mutating func handle(_ json: JSONValue, into sink: any AnswerSink) {
        if !reportedModel, let model = json["model"]?.stringValue, !model.isEmpty {
            reportedModel = true
            if model != requestedModel { sink.receive(.reportedModel(model)) }
        }
        if case .array(let choices)? = json["choices"] {
            for choice in choices where (choice["index"]?.intValue ?? 0) == 0 {
                if let delta = choice["delta"] ?? choice["message"] {
                    deliverText(of: delta, into: sink)
                }
                if let reason = choice["finish_reason"]?.stringValue, !reason.isEmpty {
                    sawFinishReason = true
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

    private mutating func deliverText(of delta: JSONValue, into sink: any AnswerSink) {
        if let reasoning = delta["reasoning_content"]?.stringValue ?? delta["reasoning"]?.stringValue, !reasoning.isEmpty {
            hasDeliveredContent = true
            sink.receive(.reasoning(reasoning))
        }
        if let content = delta["content"]?.stringValue, !content.isEmpty {
            hasDeliveredContent = true
            sink.receive(.text(content))
        }
        if let refusal = delta["refusal"]?.stringValue, !refusal.isEmpty {
            hasDeliveredContent = true
            sink.receive(.text(refusal))
        }
    }
}
