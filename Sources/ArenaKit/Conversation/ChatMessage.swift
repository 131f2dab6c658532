/// Who wrote a message in a conversation.
public enum ChatRole: String, Sendable, Hashable, Codable {
    case system
    case user
    case assistant
}

/// One message of a conversation, as it is sent to a model.
public struct ChatMessage: Sendable, Hashable, Codable {
    var role: ChatRole
    public var content: String

    public init(role: ChatRole, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
    public static func assistant(_ text: String) -> ChatMessage { ChatMessage(role: .assistant, content: text) }
}
