/// A request for one answer: the whole conversation so far and the settings to send.
public struct ChatRequest: Sendable, Hashable {
    /// The conversation, oldest first, ending with the user's newest message. A system prompt,
    /// when there is one, is the first message.
    public var messages: [ChatMessage]
    public var settings: GenerationSettings

    public init(messages: [ChatMessage], settings: GenerationSettings) {
        self.messages = messages
        self.settings = settings
    }

    /// The system prompt, if the conversation has one.
    var systemPrompt: String? {
        messages.first(where: { $0.role == .system })?.content
    }

    /// The last message the user wrote.
    var lastUserMessage: String {
        messages.last(where: { $0.role == .user })?.content ?? ""
    }
}
