/// Turns the events of one provider's stream into ``AnswerEvent``s: the part of a client that
/// knows its provider's chunk shapes.
protocol ChunkInterpreter: SendableMetatype {
    /// Handles one server-sent event, delivering what it carries to `sink`. Returns true when
    /// the event was the stream's terminator. Throws for an error event or a malformed chunk.
    mutating func interpret(_ event: ServerSentEvent, into sink: any AnswerSink) throws -> Bool

    /// Handles a whole non-streaming answer (a JSON body where a stream was expected).
    mutating func interpretCompleteBody(_ json: JSONValue, into sink: any AnswerSink) throws

    /// True once answer or reasoning text was delivered.
    var hasDeliveredContent: Bool { get }

    /// True once the provider said why the answer ended.
    var sawFinishReason: Bool { get }
}

/// Decodes a response body as server-sent events handed to a ``ChunkInterpreter``, and falls
/// back to a complete JSON answer when the server sent one instead of a stream.
struct EventStreamBody<Interpreter: ChunkInterpreter> {
    private var decoder: SSEDecoder
    private(set) var interpreter: Interpreter
    private(set) var isTerminated = false
    private var sawEvent = false
    /// The body so far, kept while it may still turn out to be a plain JSON answer.
    private var heldBody: [UInt8] = []
    private var isHoldingBody = true
    private let redactor: SecretRedactor
    private static var holdLimit: Int { 4 << 20 }

    init(interpreter: Interpreter, redactor: SecretRedactor, acceptsLegacyErrorField: Bool = false) {
        self.interpreter = interpreter
        self.redactor = redactor
        self.decoder = SSEDecoder(acceptsLegacyErrorField: acceptsLegacyErrorField)
    }

    var hasDeliveredContent: Bool { interpreter.hasDeliveredContent }

    /// Decodes one piece of the body.
    mutating func consume(_ bytes: UnsafeRawBufferPointer, into sink: any AnswerSink) throws {
        guard !isTerminated else { return }
        if isHoldingBody {
            heldBody.append(contentsOf: bytes)
            if heldBody.count > Self.holdLimit { isHoldingBody = false; heldBody = [] }
        }
        var terminated = false
        var interpreter = self.interpreter
        defer { self.interpreter = interpreter }
        var sawEvent = false
        let joined = CoalescingSink(target: sink)
        defer { joined.flush() }
        try decoder.feed(rawBytes: bytes) { event in
            sawEvent = true
            if terminated { return }
            if try interpreter.interpret(event, into: joined) { terminated = true }
        }
        if sawEvent {
            self.sawEvent = true
            isHoldingBody = false
            heldBody = []
        }
        if terminated { isTerminated = true }
        if decoder.pendingByteCount > Self.pendingLimit {
            throw ProviderError.malformedResponse(detail: "a stream line or event longer than \(Self.pendingLimit >> 20) MiB without an end")
        }
    }

    /// The most bytes of one unfinished line or event held: a line with no end, or `data:`
    /// lines with no blank line after them, are an error past this, not unbounded memory.
    static var pendingLimit: Int { 4 << 20 }

    /// Ends the body: returns normally when the stream ended properly (terminator, finish
    /// reason, or a complete JSON answer), throws ``ProviderError/incomplete`` otherwise.
    mutating func finish(into sink: any AnswerSink) throws {
        decoder.finish()
        if isTerminated { return }
        if !sawEvent, isHoldingBody, let json = try? JSONParser.parse(heldBody), case .object = json {
            if let error = json["error"], !error.isNull {
                throw ErrorBody.streamError(from: json, redactor: redactor)
            }
            try interpreter.interpretCompleteBody(json, into: sink)
            return
        }
        if interpreter.sawFinishReason { return }
        if !sawEvent, isHoldingBody, !heldBody.isEmpty {
            throw ProviderError.malformedResponse(detail: "expected an event stream, got \(heldBody.count) bytes of something else")
        }
        throw ProviderError.incomplete
    }
}

/// Joins the text of consecutive events decoded from one network read, so that the collector
/// and the renderer handle one piece per read instead of one per chunk (a read often holds
/// dozens of chunks). Order is kept: any other event first delivers the text before it.
/// Used synchronously inside one `consume` call, never shared between threads.
final class CoalescingSink: AnswerSink, @unchecked Sendable {
    private let target: any AnswerSink
    private var pending = ""
    private var pendingIsReasoning = false

    init(target: any AnswerSink) {
        self.target = target
    }

    func receive(_ event: AnswerEvent) {
        switch event {
        case .text(let text): append(text, reasoning: false)
        case .reasoning(let text): append(text, reasoning: true)
        default:
            flush()
            target.receive(event)
        }
    }

    /// Delivers the text gathered so far.
    func flush() {
        guard !pending.isEmpty else { return }
        target.receive(pendingIsReasoning ? .reasoning(pending) : .text(pending))
        pending = ""
    }

    private func append(_ text: String, reasoning: Bool) {
        if !pending.isEmpty && pendingIsReasoning != reasoning { flush() }
        pending += text
        pendingIsReasoning = reasoning
    }
}

extension JSONParser {
    /// The JSON of one stream event. Text that is not JSON is the provider's error when the
    /// event is an `error` event, and a malformed response otherwise.
    mutating func parseEvent(_ event: ServerSentEvent, redactor: SecretRedactor) throws -> JSONValue {
        do {
            return try parse(event.data)
        } catch {
            if event.type == "error" {
                throw ProviderError.streamError(code: nil, message: redactor.redact(ErrorBody.oneLine(event.text)))
            }
            throw ProviderError.malformedResponse(detail: "a stream event is not valid JSON (\(error))")
        }
    }
}
