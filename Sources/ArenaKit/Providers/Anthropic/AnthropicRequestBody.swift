/// Builds the body of an Anthropic Messages request: `system` is top-level, `max_tokens` is
/// required (4096 when nothing sets it), `stop` becomes `stop_sequences`, and `seed` (which
/// the API lacks) is left out.
struct AnthropicRequestBody {
    static let defaultMaxTokens = 4096

    var model: String
    var extraBody = JSONObject()

    func make(for request: ChatRequest, settings: GenerationSettings) -> JSONObject {
        var body = JSONObject()
        body["model"] = .string(model)
        body["max_tokens"] = .number(Double(settings.maxTokens ?? Self.defaultMaxTokens))
        let systemParts = request.messages.filter { $0.role == .system }.map(\.content)
        let system = systemParts.isEmpty ? settings.systemPrompt : systemParts.joined(separator: "\n\n")
        if let system, !system.isEmpty { body["system"] = .string(system) }
        body["messages"] = .array(request.messages.filter { $0.role != .system }.map { message in
            ["role": .string(message.role.rawValue), "content": .string(message.content)]
        })
        if let temperature = settings.temperature { body["temperature"] = .number(temperature) }
        if let topP = settings.topP { body["top_p"] = .number(topP) }
        if let stop = settings.stop, !stop.isEmpty { body["stop_sequences"] = .array(stop.map { .string($0) }) }
        body["stream"] = .bool(true)
        for member in extraBody.members { body[member.key] = member.value }
        return body
    }
}
