/// Decodes the body of an OpenAI-style chat-completions stream (OpenAI, Azure OpenAI, Azure
/// AI Model Inference and the compatible servers) from raw bytes, exactly as arena's clients
/// do with each network read: server-sent events, chunk JSON, text joined per read.
///
/// The clients use it through ``ModelClient``; it is public so that the benchmarks can measure
/// decoding on its own, without HTTP.
package struct OpenAIStreamDecoder {
    private var body: EventStreamBody<ChatCompletionChunkInterpreter>

    /// A decoder for one stream.
    ///
    /// - Parameters:
    ///   - requestedModel: the model asked for; a different name in the chunks is reported.
    ///   - usesChunkTemplate: false reads every chunk in full, skipping the comparison with the
    ///     previous plain chunk that usually makes that unnecessary (for measurements).
    public init(requestedModel: String?, usesChunkTemplate: Bool = true) {
        var interpreter = ChatCompletionChunkInterpreter(requestedModel: requestedModel, redactor: SecretRedactor([]))
        interpreter.usesTemplate = usesChunkTemplate
        body = EventStreamBody(interpreter: interpreter, redactor: SecretRedactor([]), acceptsLegacyErrorField: true)
    }

    /// Decodes one piece of the body (as read from the network), delivering to `sink`.
    public mutating func consume(_ bytes: UnsafeRawBufferPointer, into sink: any AnswerSink) throws {
        try body.consume(bytes, into: sink)
    }

    /// Ends the body: throws when the stream did not end properly.
    public mutating func finish(into sink: any AnswerSink) throws {
        try body.finish(into: sink)
    }
}
