/// Builds the JSON body of a chat-completions request, the shape OpenAI, Azure OpenAI, Azure
/// AI Model Inference and the OpenAI-compatible servers share.
struct ChatCompletionsBody {
    /// The `model` field, when the provider wants one.
    var model: String?
    /// The name of the token-limit field (`max_tokens`, or `max_completion_tokens` on OpenAI).
    var maxTokensKey = "max_tokens"
    /// Whether to add `stream_options: {include_usage: true}`.
    var includeUsage = false
    var extraBody = JSONObject()

    func make(for request: ChatRequest, settings: GenerationSettings) -> JSONObject {
        var body = JSONObject()
        if let model, !model.isEmpty { body["model"] = .string(model) }
        var messages = request.messages
        if let system = settings.systemPrompt, !system.isEmpty, !messages.contains(where: { $0.role == .system }) {
            messages.insert(.system(system), at: 0)
        }
        body["messages"] = .array(messages.map { message in
            ["role": .string(message.role.rawValue), "content": .string(message.content)]
        })
        if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
        if let topP = settings.topP { body["top_p"] = .number(topP) }
        if let maxTokens = settings.maxTokens { body[maxTokensKey] = .number(Double(maxTokens)) }
        if let seed = settings.seed { body["seed"] = .number(Double(seed)) }
        if let stop = settings.stop, !stop.isEmpty { body["stop"] = .array(stop.map { .string($0) }) }
        body["stream"] = .bool(true)
        if includeUsage { body["stream_options"] = ["include_usage": true] }
        for member in extraBody.members { body[member.key] = member.value }
        return body
    }
}
