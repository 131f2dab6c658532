/// One answer the test server streams: its pieces of text and reasoning, how it ends, and the
/// token counts it reports.
public struct TestAnswer: Sendable, Hashable {
    /// The answer text, one piece per chunk.
    public var text: [String]
    /// Reasoning text, one piece per chunk, streamed before the answer.
    public var reasoning: [String]
    /// The finish reason in the dialect's own words ("stop"; Anthropic "end_turn").
    public var finishReason: String?
    public var inputTokens: Int
    public var outputTokens: Int
    /// The model name the chunks carry; `nil` echoes the requested one.
    public var model: String?
    /// The key OpenAI-style chunks carry reasoning under: "reasoning_content" or "reasoning".
    public var reasoningKey: String

    public init(
        text: [String],
        reasoning: [String] = [],
        finishReason: String? = nil,
        inputTokens: Int = 11,
        outputTokens: Int = 7,
        model: String? = nil,
        reasoningKey: String = "reasoning_content"
    ) {
        self.text = text
        self.reasoning = reasoning
        self.finishReason = finishReason
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.model = model
        self.reasoningKey = reasoningKey
    }

    /// The server's default answer: "Hello from the loopback server." in five pieces.
    public static let standard = TestAnswer(text: ["Hello", " from", " the", " loopback", " server."])

    /// An answer whose text is `text`, one chunk per word (with its leading space).
    public static func words(_ text: String) -> TestAnswer {
        var pieces: [String] = []
        var current = ""
        for character in text {
            if character == " " && !current.isEmpty && current != " " {
                pieces.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return TestAnswer(text: pieces)
    }

    /// All the text joined, as a client should show it.
    public var joinedText: String { text.joined() }
}

/// Which header a rate-limited answer uses to say how long to wait.
public enum RetryHint: Sendable, Hashable {
    case none
    /// `retry-after: <seconds>`.
    case retryAfterSeconds(Int)
    /// `retry-after: <HTTP date>`, that many seconds after the answer's `date` header.
    case retryAfterDate(secondsAfterDateHeader: Int)
    /// `retry-after-ms: <ms>`.
    case retryAfterMs(Int)
    /// `x-ms-retry-after-ms: <ms>`.
    case xMsRetryAfterMs(Int)
}

/// What the test server does with one request: answer properly, or misbehave in a chosen way.
public enum TestBehaviour: Sendable, Hashable {
    /// Streams the answer in the dialect, properly terminated.
    case answer(TestAnswer)
    /// Streams the answer with a pause between chunks.
    case slow(TestAnswer, delayMilliseconds: Int)
    /// Sends the head and `afterChunks` chunks, then sends nothing more, keeping the connection open.
    case stall(TestAnswer, afterChunks: Int)
    /// Sends `afterChunks` chunks (and half of the next one when `midJSON`), then ends the HTTP
    /// response properly but without the stream's terminator.
    case cutOff(TestAnswer, afterChunks: Int, midJSON: Bool)
    /// Sends `afterChunks` chunks, then closes the TCP connection without ending the response.
    case dropConnection(TestAnswer, afterChunks: Int)
    /// Sends `afterChunks` chunks, then one chunk that is not valid JSON, then the rest.
    case malformedChunk(TestAnswer, afterChunks: Int)
    /// Answers with `status` (429 or 503), the dialect's error body and the retry header.
    case rateLimited(status: Int, hint: RetryHint)
    /// Answers 500 with the dialect's error body.
    case serverError
    /// Answers `status` with exactly `body` (JSON or not).
    case httpError(status: Int, body: String)
    /// Sends `afterChunks` chunks, then an error inside the 200 stream, then ends.
    case errorEvent(TestAnswer, afterChunks: Int, code: String, message: String)
    /// Answers with a complete, non-streaming JSON body.
    case nonStreaming(TestAnswer)
    /// A 400 whose error code is `content_filter` (Azure's blocked-prompt answer).
    case contentFilterBlock
    /// Streams the answer, ending with finish reason `content_filter` (a blocked answer).
    case contentFilterFinish(TestAnswer)
    /// Streams `chunks` chunks carrying the `texts` in turn, as fast as possible.
    case firehose(chunks: Int, texts: [String])
    /// Streams one `data:` line of `bytes` bytes that never ends (no line break), then ends the
    /// response.
    case unterminatedLine(bytes: Int)
    /// Answers `status` with an error body that trickles: one byte every `delayMilliseconds`,
    /// `bytes` bytes in all (bounded, so the server always stops by itself).
    case tricklingError(status: Int, bytes: Int, delayMilliseconds: Int)
    /// Answers `status` (301, 302, 307, 308) with a `location` header pointing at `location`.
    case redirect(status: Int, location: String)
    /// Replies as a judge model would, reading the answers in the request (see ``TestJudge``).
    case judge(TestJudge)
    /// Sends nothing (not even the status line) until the test calls
    /// ``ProviderTestServer/releaseHeldResponses()``, then behaves as `behaviour`: a response
    /// held without a sleep, for as long as the test needs.
    indirect case held(TestBehaviour)

    /// Streams `chunks` chunks carrying `text` each, as fast as possible.
    public static func firehose(chunks: Int, text: String) -> TestBehaviour { .firehose(chunks: chunks, texts: [text]) }

    /// A 429 with the given retry header.
    public static func rateLimited(_ hint: RetryHint) -> TestBehaviour { .rateLimited(status: 429, hint: hint) }
}
