/// What one OpenAI-style `chat.completion.chunk` (or a complete `chat.completion`) carries for
/// arena: the model name, the texts of choice 0, why it finished, the usage, and whether it is
/// an error. Read straight from the event's bytes with a ``JSONScanner``: no tree is built and
/// the strings are only located, so the usual chunk costs no allocation until its text is made.
///
/// It reads a chunk as ``JSONObject``'s subscript would: where a key appears twice the first
/// one counts, and a value of the wrong type counts as absent.
struct ChatCompletionChunk {
    /// The text fields of a `delta` (streaming) or `message` (complete answer).
    struct Texts {
        var reasoningContent: JSONStringSlice?
        var reasoning: JSONStringSlice?
        var content: JSONStringSlice?
        var refusal: JSONStringSlice?
    }

    /// One choice with index 0 (or no index).
    struct Choice {
        /// The choice's `delta`, or its `message` when it has no `delta`.
        var texts: Texts?
        var finishReason: JSONStringSlice?
    }

    var model: JSONStringSlice?
    var promptTokens: Int?
    var inputTokens: Int?
    var completionTokens: Int?
    var outputTokens: Int?
    /// True when the chunk has a non-null `error` member.
    var hasError = false
    /// The first choice with index 0, kept inline so that the usual chunk allocates nothing.
    private var firstChoice: Choice?
    private var moreChoices: [Choice]?

    /// The choice with index 0 when there is exactly one.
    var onlyChoice: Choice? {
        moreChoices == nil ? firstChoice : nil
    }

    /// Calls `body` with each choice with index 0, in order.
    func forEachChoice(_ body: (Choice) -> Void) {
        if let firstChoice { body(firstChoice) }
        moreChoices?.forEach(body)
    }

    /// Reads the one JSON value `scanner` holds. Throws what ``JSONParser`` would for malformed JSON.
    init(scanning scanner: inout JSONScanner) throws(JSONParseError) {
        guard try scanner.peekKind() == .object else {
            try scanner.skipValue()
            try scanner.finish()
            return
        }
        var seen = FirstKeys()
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(in: &object) {
            if key == "choices" {
                guard seen.first(.choices), try scanner.peekKind() == .array else { continue }
                var choices = try scanner.beginArray()
                while try scanner.nextElement(in: &choices) {
                    guard let choice = try Self.scanChoice(&scanner) else { continue }
                    if firstChoice == nil { firstChoice = choice } else { moreChoices = (moreChoices ?? []) + [choice] }
                }
            } else if key == "model" {
                if seen.first(.model) { model = try scanner.readString() }
            } else if key == "usage" {
                guard seen.first(.usage), try scanner.peekKind() == .object else { continue }
                try scanUsage(&scanner)
            } else if key == "error" {
                if seen.first(.error) { hasError = try scanner.peekKind() != .null }
            }
        }
        try scanner.finish()
    }

    /// A choice whose index is 0 (or missing), or nil for any other choice or a non-object.
    private static func scanChoice(_ scanner: inout JSONScanner) throws(JSONParseError) -> Choice? {
        guard try scanner.peekKind() == .object else { return nil }
        var seen = FirstKeys()
        var index: Int?
        var delta: Texts?
        var message: Texts?
        var finishReason: JSONStringSlice?
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(in: &object) {
            if key == "delta" {
                if seen.first(.delta) { delta = try scanTexts(&scanner) }
            } else if key == "index" {
                if seen.first(.index) { index = try scanner.readInt() }
            } else if key == "finish_reason" {
                if seen.first(.finishReason) { finishReason = try scanner.readString() }
            } else if key == "message" {
                if seen.first(.message) { message = try scanTexts(&scanner) }
            }
        }
        guard (index ?? 0) == 0 else { return nil }
        return Choice(texts: delta ?? message, finishReason: finishReason)
    }

    /// The text fields of a `delta` or `message` value; empty for a value that is not an object.
    private static func scanTexts(_ scanner: inout JSONScanner) throws(JSONParseError) -> Texts {
        var texts = Texts()
        guard try scanner.peekKind() == .object else { return texts }
        var seen = FirstKeys()
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(in: &object) {
            if key == "content" {
                if seen.first(.content) { texts.content = try scanner.readString() }
            } else if key == "reasoning_content" {
                if seen.first(.reasoningContent) { texts.reasoningContent = try scanner.readString() }
            } else if key == "reasoning" {
                if seen.first(.reasoning) { texts.reasoning = try scanner.readString() }
            } else if key == "refusal" {
                if seen.first(.refusal) { texts.refusal = try scanner.readString() }
            }
        }
        return texts
    }

    private mutating func scanUsage(_ scanner: inout JSONScanner) throws(JSONParseError) {
        var seen = FirstKeys()
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(in: &object) {
            if key == "prompt_tokens" {
                if seen.first(.promptTokens) { promptTokens = try scanner.readInt() }
            } else if key == "completion_tokens" {
                if seen.first(.completionTokens) { completionTokens = try scanner.readInt() }
            } else if key == "input_tokens" {
                if seen.first(.inputTokens) { inputTokens = try scanner.readInt() }
            } else if key == "output_tokens" {
                if seen.first(.outputTokens) { outputTokens = try scanner.readInt() }
            }
        }
    }
}

/// Which keys of one object have been met, so that only the first of a repeated key counts.
private struct FirstKeys {
    enum Key: Int {
        case model, choices, usage, error
        case index, delta, message, finishReason
        case content, reasoningContent, reasoning, refusal
        case promptTokens, inputTokens, completionTokens, outputTokens
    }

    private var met: UInt32 = 0

    /// True the first time `key` is met in this object.
    mutating func first(_ key: Key) -> Bool {
        let bit: UInt32 = 1 << UInt32(key.rawValue)
        defer { met |= bit }
        return met & bit == 0
    }
}
