/// Reads the named events of an Anthropic Messages stream: `message_start` (model, input
/// tokens), `content_block_delta` (`text_delta` → text, `thinking_delta` → reasoning; other
/// deltas ignored), `message_delta` (stop reason, output tokens), `message_stop` (the
/// terminator), `ping`, `error`; unknown events are ignored.
struct AnthropicEventInterpreter: ChunkInterpreter {
    var requestedModel: String?
    var redactor: SecretRedactor
    private(set) var hasDeliveredContent = false
    private(set) var sawFinishReason = false
    private var inputTokens: Int?
    private var parser = JSONParser()

    init(requestedModel: String?, redactor: SecretRedactor) {
        self.requestedModel = requestedModel
        self.redactor = redactor
    }

    mutating func interpret(_ event: ServerSentEvent, into sink: any AnswerSink) throws -> Bool {
        if event.type == "ping" { return false }
        let json = try parser.parseEvent(event, redactor: redactor)
        let type = event.type == "message" ? (json["type"]?.stringValue ?? "message") : event.type
        switch type {
        case "message_start":
            if let message = json["message"] {
                if let model = message["model"]?.stringValue, !model.isEmpty, model != requestedModel {
                    sink.receive(.reportedModel(model))
                }
                deliverUsage(message["usage"], into: sink)
            }
        case "content_block_start":
            if let block = json["content_block"] { deliverBlock(block, into: sink) }
        case "content_block_delta":
            if let delta = json["delta"] { deliverBlock(delta, into: sink) }
        case "message_delta":
            if let reason = json["delta"]?["stop_reason"]?.stringValue {
                sawFinishReason = true
                sink.receive(.finished(FinishReason(providerValue: reason)))
            }
            deliverUsage(json["usage"], into: sink)
        case "message_stop":
            return true
        case "error":
            throw ErrorBody.streamError(from: json, redactor: redactor)
        default:
            break
        }
        return false
    }

    mutating func interpretCompleteBody(_ json: JSONValue, into sink: any AnswerSink) throws {
        if let model = json["model"]?.stringValue, !model.isEmpty, model != requestedModel {
            sink.receive(.reportedModel(model))
        }
        for block in json["content"]?.arrayValue ?? [] { deliverBlock(block, into: sink) }
        deliverUsage(json["usage"], into: sink)
        if let reason = json["stop_reason"]?.stringValue { sink.receive(.finished(FinishReason(providerValue: reason))) }
        sawFinishReason = true
    }

    private mutating func deliverBlock(_ block: JSONValue, into sink: any AnswerSink) {
        switch block["type"]?.stringValue {
        case "text", "text_delta":
            if let text = block["text"]?.stringValue, !text.isEmpty {
                hasDeliveredContent = true
                sink.receive(.text(text))
            }
        case "thinking", "thinking_delta":
            if let thinking = block["thinking"]?.stringValue, !thinking.isEmpty {
                hasDeliveredContent = true
                sink.receive(.reasoning(thinking))
            }
        default:
            break
        }
    }

    private mutating func deliverUsage(_ usage: JSONValue?, into sink: any AnswerSink) {
        guard case .object(let usage)? = usage else { return }
        if let input = usage["input_tokens"]?.intValue { inputTokens = input }
        let output = usage["output_tokens"]?.intValue
        if inputTokens != nil || output != nil {
            sink.receive(.usage(TokenUsage(inputTokens: inputTokens, outputTokens: output)))
        }
    }
}
