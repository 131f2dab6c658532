#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes around the `content` string of the last plain text chunk of a stream, so that a
/// chunk with the very same bytes around its text is read by comparing them instead of
/// scanning it.
///
/// OpenAI-style streams repeat `id`, `object`, `created`, `model`, `system_fingerprint`, the
/// choice's `index` and a null `finish_reason` in every chunk; only the text changes. A chunk
/// whose bytes before and after its text equal a chunk that was fully read, and whose text is
/// one valid JSON string, is valid JSON with the same meaning except for that text. Anything
/// else (another shape, a finish reason, usage, an error) misses and is read in full.
struct ChatCompletionChunkTemplate {
    private var prefix: [UInt8] = []
    private var suffix: [UInt8] = []
    private var isLearned = false

    /// Remembers the bytes around `chunk`'s text when reading it did nothing but deliver that
    /// text (given that the model was already reported); forgets the template otherwise.
    mutating func learn(from chunk: ChatCompletionChunk, bytes: UnsafeRawBufferPointer) {
        guard let content = chunk.plainContent else {
            isLearned = false
            return
        }
        prefix.removeAll(keepingCapacity: true)
        prefix.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<content.quote]))
        suffix.removeAll(keepingCapacity: true)
        suffix.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[content.end...]))
        isLearned = true
    }

    /// Where the text of the chunk read by `scanner` (from `bytes`) is, when the chunk matches
    /// the template; nil when it must be read in full.
    func content(of bytes: UnsafeRawBufferPointer, scanner: JSONScanner) -> JSONStringSlice? {
        guard isLearned, bytes.count >= prefix.count + suffix.count + 2 else { return nil }
        let suffixStart = bytes.count - suffix.count
        let matches = prefix.withUnsafeBytes { prefix in
            suffix.withUnsafeBytes { suffix in
                memcmp(bytes.baseAddress!, prefix.baseAddress!, prefix.count) == 0
                    && memcmp(bytes.baseAddress! + suffixStart, suffix.baseAddress!, suffix.count) == 0
            }
        }
        guard matches else { return nil }
        return scanner.stringSlice(exactly: prefix.count..<suffixStart)
    }
}

extension ChatCompletionChunk {
    /// The `content` of the only choice when that is all the chunk carries: no other text,
    /// no finish reason, no usage, no error.
    var plainContent: JSONStringSlice? {
        guard !hasError, promptTokens == nil, inputTokens == nil, completionTokens == nil, outputTokens == nil,
              let choice = onlyChoice, choice.finishReason == nil, let texts = choice.texts,
              texts.reasoningContent == nil, texts.reasoning == nil, texts.refusal == nil else { return nil }
        return texts.content
    }
}
