import Synchronization

/// A model that answers with the answers recorded in a transcript, one per request, in order:
/// how `arena replay --against a|b` keeps an old side as a column next to a new model.
///
/// It streams each recorded answer word by word at the built-in pace, and reproduces how the
/// recorded answer ended (an error, an interruption or a cut-off stay what they were).
final class RecordedModel: ModelClient, Sendable {
    public let descriptor: ModelDescriptor
    private let answers: [Answer]
    private let pace: BuiltInPace
    private let cursor = Mutex(0)

    /// A model replaying `answers`; `original` is the model that first gave them.
    public init(original: ModelDescriptor, answers: [Answer], source: String, pace: BuiltInPace) {
        descriptor = ModelDescriptor(
            name: "\(original.name)@recorded",
            provider: .builtIn,
            origin: .builtIn,
            remoteModel: original.name,
            summary: "answers recorded from \(original.name) in \(source)"
        )
        self.answers = answers
        self.pace = pace
    }

    public func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws {
        let index = cursor.withLock { cursor in
            defer { cursor += 1 }
            return cursor
        }
        guard index < answers.count else {
            throw ProviderError.misconfigured(detail: "the transcript has no answer recorded for turn \(index + 1)")
        }
        let answer = answers[index]
        if !answer.reasoning.isEmpty { sink.receive(.reasoning(answer.reasoning)) }
        let words = BuiltInModel.words(of: answer.text)
        for (position, word) in words.enumerated() {
            try Task.checkCancellation()
            sink.receive(.text(word))
            if position + 1 < words.count, let delay = pace.delay(speedFactor: 2) {
                try await Task.sleep(for: delay)
            }
        }
        if let usage = answer.usage { sink.receive(.usage(usage)) }
        if let reason = answer.finishReason { sink.receive(.finished(reason)) }
        switch answer.status {
        case .failed(let message): throw ProviderError.misconfigured(detail: "recorded error: \(message)")
        case .incomplete, .interrupted: throw ProviderError.incomplete
        default: return
        }
    }
}
