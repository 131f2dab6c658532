/// Something a model client reports while an answer streams.
public enum AnswerEvent: Sendable, Hashable {
    /// More answer text.
    case text(String)
    /// More reasoning ("thinking") text, shown dimmed and kept apart from the answer.
    case reasoning(String)
    /// Token counts; a later report replaces an earlier one field by field.
    case usage(TokenUsage)
    /// The provider said why the answer ended.
    case finished(FinishReason)
    /// The model name the server says it used.
    case reportedModel(String)
    /// The provider asked for a pause before retrying (429, 503); `seconds` is the wait.
    case retrying(attempt: Int, seconds: Double, reason: String)
}

/// Receives the events of one streaming answer, in order, as they are decoded.
///
/// Clients call `receive` synchronously from whatever task runs the stream, so an
/// implementation must be cheap and thread-safe.
public protocol AnswerSink: Sendable {
    func receive(_ event: AnswerEvent)
}

/// A model that answers chat requests by streaming: the seam between arena and each provider.
///
/// `stream` returns normally when the provider ended the stream the proper way (for example
/// `data: [DONE]` or `message_stop`). It throws ``ProviderError/incomplete`` when the stream
/// stopped short (the text already delivered stands), another ``ProviderError`` when the
/// request failed, and `CancellationError` when the calling task was cancelled, in which case
/// the connection is closed at once.
public protocol ModelClient: Sendable {
    /// What this client talks to.
    var descriptor: ModelDescriptor { get }

    /// Streams one answer to `request`, delivering its events to `sink`.
    func stream(_ request: ChatRequest, into sink: any AnswerSink) async throws
}
