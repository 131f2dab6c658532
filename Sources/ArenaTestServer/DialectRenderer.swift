/// Writes answers and errors the way each dialect sends them.
struct DialectRenderer {
    var dialect: TestDialect
    /// The model the request asked for (echoed in chunks unless the answer names another).
    var requestedModel: String
    /// Whether the request asked for usage with `stream_options.include_usage`.
    var wantsUsageChunk: Bool

    /// The events of a streamed answer (each a complete SSE event with its blank line) and
    /// the terminator event.
    func events(for answer: TestAnswer, finishOverride: String? = nil) -> (events: [String], terminator: String) {
        let model = answer.model ?? requestedModel
        switch dialect {
        case .anthropic: return anthropicEvents(answer, model: model, finishOverride: finishOverride)
        case .openAI, .azureAI, .azureOpenAI: return chatEvents(answer, model: model, finishOverride: finishOverride)
        }
    }

    private var isAzureOpenAI: Bool {
        if case .azureOpenAI = dialect { return true }
        return false
    }

    private func chatChunk(id: String = "chatcmpl-test", model: String, choices: String, extra: String = "") -> String {
        "data: {\"id\":\"\(id)\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\(jsonString(model)),\"choices\":[\(choices)]\(extra)}\n\n"
    }

    private func chatEvents(_ answer: TestAnswer, model: String, finishOverride: String?) -> ([String], String) {
        var events: [String] = []
        let filter = isAzureOpenAI ? ",\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"}}" : ""
        if isAzureOpenAI {
            events.append("data: {\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}\n\n")
        }
        let firstContent = dialect == .openAI ? "\"content\":\"\"" : "\"content\":null"
        events.append(chatChunk(model: model, choices: "{\"index\":0,\"delta\":{\"role\":\"assistant\",\(firstContent)},\"finish_reason\":null}"))
        for piece in answer.reasoning {
            events.append(chatChunk(model: model, choices: "{\"index\":0,\"delta\":{\"\(answer.reasoningKey)\":\(jsonString(piece))},\"finish_reason\":null\(filter)}"))
        }
        for piece in answer.text {
            events.append(chatChunk(model: model, choices: "{\"index\":0,\"delta\":{\"content\":\(jsonString(piece))},\"finish_reason\":null\(filter)}", extra: ",\"usage\":null"))
        }
        if isAzureOpenAI {
            events.append("data: {\"choices\":[{\"index\":0,\"finish_reason\":null,\"content_filter_offsets\":{\"check_offset\":0,\"start_offset\":0,\"end_offset\":5}}],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\"}\n\n")
        }
        let finish = finishOverride ?? answer.finishReason ?? "stop"
        let usage = "\"usage\":{\"prompt_tokens\":\(answer.inputTokens),\"completion_tokens\":\(answer.outputTokens),\"total_tokens\":\(answer.inputTokens + answer.outputTokens)}"
        let usageOnFinish = dialect == .azureAI ? "," + usage : ""
        events.append(chatChunk(model: model, choices: "{\"index\":0,\"delta\":{},\"finish_reason\":\(jsonString(finish))}", extra: usageOnFinish))
        if wantsUsageChunk && dialect != .azureAI {
            events.append(chatChunk(model: model, choices: "", extra: "," + usage))
        }
        return (events, "data: [DONE]\n\n")
    }

    private func anthropicEvents(_ answer: TestAnswer, model: String, finishOverride: String?) -> ([String], String) {
        func event(_ name: String, _ json: String) -> String { "event: \(name)\ndata: \(json)\n\n" }
        var events: [String] = []
        events.append(event("message_start", "{\"type\": \"message_start\", \"message\": {\"id\": \"msg_test\", \"type\": \"message\", \"role\": \"assistant\", \"model\": \(jsonString(model)), \"content\": [], \"stop_reason\": null, \"usage\": {\"input_tokens\": \(answer.inputTokens), \"output_tokens\": 1}}}"))
        var index = 0
        if !answer.reasoning.isEmpty {
            events.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":\(index),\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}"))
            for piece in answer.reasoning {
                events.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":\(index),\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\(jsonString(piece))}}"))
            }
            events.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":\(index),\"delta\":{\"type\":\"signature_delta\",\"signature\":\"c2lnbmF0dXJl\"}}"))
            events.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":\(index)}"))
            index += 1
        }
        events.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":\(index),\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))
        events.append(event("ping", "{\"type\": \"ping\"}"))
        for piece in answer.text {
            events.append(event("content_block_delta", "{ \"type\" : \"content_block_delta\" , \"index\" : \(index) , \"delta\" : { \"type\" : \"text_delta\" , \"text\" : \(jsonString(piece)) } }"))
        }
        events.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":\(index)}"))
        let finish = finishOverride ?? answer.finishReason ?? "end_turn"
        events.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\(jsonString(finish)),\"stop_sequence\":null},\"usage\":{\"output_tokens\":\(answer.outputTokens)}}"))
        return (events, event("message_stop", "{\"type\":\"message_stop\"}"))
    }

    /// An error sent inside a 200 stream.
    func errorEvent(code: String, message: String) -> String {
        switch dialect {
        case .anthropic:
            return "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\(jsonString(code)),\"message\":\(jsonString(message))}}\n\n"
        case .openAI, .azureAI, .azureOpenAI:
            return "data: {\"error\":{\"message\":\(jsonString(message)),\"type\":\"server_error\",\"param\":null,\"code\":\(jsonString(code))}}\n\n"
        }
    }

    /// The body of an HTTP error answer.
    func errorBody(status: Int, code: String, message: String) -> String {
        switch dialect {
        case .anthropic:
            return "{\"type\":\"error\",\"error\":{\"type\":\(jsonString(code)),\"message\":\(jsonString(message))}}"
        case .azureAI:
            if status == 422 {
                return "{\"status\":422,\"code\":\(jsonString(code)),\"message\":\(jsonString(message)),\"detail\":{\"loc\":[\"body\",\"x\"],\"input\":\"x\"}}"
            }
            return "{\"error\":{\"code\":\(jsonString(code)),\"message\":\(jsonString(message)),\"status\":\(status)}}"
        case .azureOpenAI:
            return "{\"error\":{\"code\":\(jsonString(code)),\"message\":\(jsonString(message))}}"
        case .openAI:
            return "{\"error\":{\"message\":\(jsonString(message)),\"type\":\"invalid_request_error\",\"param\":null,\"code\":\(jsonString(code))}}"
        }
    }

    /// The 400 a content filter sends for a blocked prompt.
    func contentFilterBody() -> String {
        switch dialect {
        case .anthropic:
            return errorBody(status: 400, code: "invalid_request_error", message: "Output blocked by content filtering policy")
        case .openAI, .azureAI, .azureOpenAI:
            return "{\"error\":{\"message\":\"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\",\"content_filter_result\":{\"hate\":{\"filtered\":true,\"severity\":\"high\"}}}}}"
        }
    }

    /// A complete, non-streaming answer.
    func completeBody(for answer: TestAnswer) -> String {
        let model = answer.model ?? requestedModel
        switch dialect {
        case .anthropic:
            var blocks: [String] = []
            if !answer.reasoning.isEmpty {
                blocks.append("{\"type\":\"thinking\",\"thinking\":\(jsonString(answer.reasoning.joined())),\"signature\":\"x\"}")
            }
            blocks.append("{\"type\":\"text\",\"text\":\(jsonString(answer.joinedText))}")
            return "{\"id\":\"msg_test\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\(jsonString(model)),\"content\":[\(blocks.joined(separator: ","))],\"stop_reason\":\(jsonString(answer.finishReason ?? "end_turn")),\"usage\":{\"input_tokens\":\(answer.inputTokens),\"output_tokens\":\(answer.outputTokens)}}"
        case .openAI, .azureAI, .azureOpenAI:
            let reasoning = answer.reasoning.isEmpty ? "" : ",\"\(answer.reasoningKey)\":\(jsonString(answer.reasoning.joined()))"
            return "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\(jsonString(model)),\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\(jsonString(answer.joinedText))\(reasoning)},\"finish_reason\":\(jsonString(answer.finishReason ?? "stop"))}],\"usage\":{\"prompt_tokens\":\(answer.inputTokens),\"completion_tokens\":\(answer.outputTokens),\"total_tokens\":\(answer.inputTokens + answer.outputTokens)}}"
        }
    }

    /// One firehose chunk.
    func firehoseChunk(text: String) -> String {
        chatChunk(id: "chatcmpl-fire", model: requestedModel, choices: "{\"index\":0,\"delta\":{\"content\":\(jsonString(text))},\"finish_reason\":null}")
    }

    /// The finish chunk and terminator ending a firehose.
    func firehoseEnd(chunks: Int) -> String {
        chatChunk(id: "chatcmpl-fire", model: requestedModel, choices: "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}",
                  extra: ",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":\(chunks),\"total_tokens\":\(chunks + 1)}") + "data: [DONE]\n\n"
    }
}
