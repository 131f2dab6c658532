/// arena's own offline models, which need no key and no network.
///
/// - `echo` answers with the user's last message, word for word.
/// - `scribe` writes a longer scripted answer (several paragraphs chosen by the prompt, the
///   seed and the temperature), and answers a multiple-choice question with a letter.
///
/// Both are deterministic: the same conversation and settings give the same answer. They
/// stream word by word at the shared ``BuiltInPace`` (scribe a little faster than echo, so the
/// two columns visibly move at different speeds) and honour `max-tokens` (one word is one
/// token), ending with finish reason `length` when it cuts them short.
struct BuiltInModel: ModelClient {
    /// Which built-in behaviour this is.
    public enum Behaviour: String, Sendable, CaseIterable {
        case echo
        case scribe
    }

    let behaviour: Behaviour
    public let pace: BuiltInPace

    public init(_ behaviour: Behaviour, pace: BuiltInPace) {
        self.behaviour = behaviour
        self.pace = pace
    }

    public var descriptor: ModelDescriptor {
        ModelDescriptor(
            name: behaviour.rawValue,
            provider: .builtIn,
            origin: .builtIn,
            summary: behaviour.summary
        )
    }

    /// The descriptors of every built-in model.
    public static var allDescriptors: [ModelDescriptor] {
        Behaviour.allCases.map { BuiltInModel($0, pace: BuiltInPace()).descriptor }
    }

    public func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws {
        let answer = behaviour.answer(to: request)
        let words = BuiltInModel.words(of: answer)
        let limit = request.settings.maxTokens.map { max(0, $0) } ?? Int.max

        if let firstDelay = pace.delay(speedFactor: behaviour.speedFactor / 4) {
            try await Task.sleep(for: firstDelay)
        }
        var sent = 0
        for word in words {
            if sent == limit { break }
            try Task.checkCancellation()
            sink.receive(.text(word))
            sent += 1
            if sent < words.count, let delay = pace.delay(speedFactor: behaviour.speedFactor) {
                try await Task.sleep(for: delay)
            }
        }
        let inputWords = request.messages.reduce(0) { $0 + BuiltInModel.words(of: $1.content).count }
        sink.receive(.usage(TokenUsage(inputTokens: inputWords, outputTokens: sent)))
        sink.receive(.finished(sent < words.count ? .length : .stop))
    }

    /// Splits text into streaming units: each word with the whitespace that follows it, so the
    /// units join back to exactly the original text.
    static func words(of text: String) -> [String] {
        var units: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                inSpace = true
            } else if inSpace {
                units.append(current)
                current = ""
                inSpace = false
            }
            current.append(character)
        }
        if !current.isEmpty { units.append(current) }
        return units
    }
}

extension BuiltInModel.Behaviour {
    var summary: String {
        switch self {
        case .echo: return "repeats your message word for word"
        case .scribe: return "writes a longer scripted answer; picks a letter for multiple-choice questions"
        }
    }

    /// Relative speed against the shared pace.
    var speedFactor: Double {
        switch self {
        case .echo: return 0.8
        case .scribe: return 1.6
        }
    }

    func answer(to request: ChatRequest) -> String {
        let prompt = request.lastUserMessage
        switch self {
        case .echo:
            return prompt
        case .scribe:
            return ScribeText.answer(
                to: prompt,
                seed: request.settings.seed,
                temperature: request.settings.temperature,
                turn: request.messages.filter { $0.role == .user }.count
            )
        }
    }
}
