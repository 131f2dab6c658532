/// One exchange: what the user asked and what one side answered.
public struct Turn: Sendable, Hashable {
    public var prompt: String
    public var answer: Answer

    public init(prompt: String, answer: Answer) {
        self.prompt = prompt
        self.answer = answer
    }
}

/// One side's conversation: its model, its settings and its own history of turns.
///
/// The two sides of the ring each keep one; they see the same prompts but each only ever sees
/// its own answers.
public struct Conversation: Sendable, Hashable {
    public var model: ModelDescriptor
    public var settings: GenerationSettings
    public private(set) var turns: [Turn]

    public init(model: ModelDescriptor, settings: GenerationSettings = GenerationSettings(), turns: [Turn] = []) {
        self.model = model
        self.settings = settings
        self.turns = turns
    }

    /// The request that asks `prompt` after everything said so far.
    ///
    /// Turns whose answer has no text at all (a failed request) are left out, so a retry or
    /// the next question is not preceded by an empty assistant message.
    public func request(for prompt: String) -> ChatRequest {
        ChatRequest(messages: history(upTo: turns.count) + [.user(prompt)], settings: settings)
    }

    /// The request that asks the last turn's prompt again, as `/retry` does.
    public func retryRequest() -> ChatRequest? {
        guard let last = turns.last else { return nil }
        return ChatRequest(messages: history(upTo: turns.count - 1) + [.user(last.prompt)], settings: settings)
    }

    /// The request `/retry` sends this side for `prompt`, the session's last question: in place
    /// of this side's last turn when it holds one, else (the side started afresh after a model
    /// change) as its first question.
    public func retryRequest(asking prompt: String) -> ChatRequest {
        retryRequest() ?? request(for: prompt)
    }

    /// Records the answer to a `/retry` of `prompt`: it replaces the last turn's answer, or,
    /// on a side that started afresh, becomes its first turn.
    public mutating func recordRetry(of prompt: String, answer: Answer) {
        if turns.isEmpty {
            turns.append(Turn(prompt: prompt, answer: answer))
        } else {
            replaceLastAnswer(with: answer)
        }
    }

    private func history(upTo end: Int) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if let system = settings.systemPrompt, !system.isEmpty {
            messages.append(.system(system))
        }
        for turn in turns[..<end] where !turn.answer.text.isEmpty {
            messages.append(.user(turn.prompt))
            messages.append(.assistant(turn.answer.text))
        }
        return messages
    }

    /// Records a finished turn.
    public mutating func append(_ turn: Turn) {
        turns.append(turn)
    }

    /// Replaces the answer of the last turn (after `/retry`, or `/adopt`).
    public mutating func replaceLastAnswer(with answer: Answer) {
        guard !turns.isEmpty else { return }
        turns[turns.count - 1].answer = answer
    }

    /// Forgets every turn; the model and settings stay.
    public mutating func clear() {
        turns.removeAll()
    }
}
