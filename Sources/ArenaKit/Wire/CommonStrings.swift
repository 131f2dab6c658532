/// The keys and values streaming chunks repeat in every chunk ("choices", "delta",
/// "chat.completion.chunk" ...), kept as ready-made strings so the JSON parser can hand them
/// out without decoding (or, for the longer ones, allocating) each time.
enum CommonStrings {
    private static let table: [[(bytes: [UInt8], string: String)]] = {
        let words = [
            "id", "object", "created", "model", "choices", "index", "delta", "content", "role", "finish_reason",
            "usage", "prompt_tokens", "completion_tokens", "total_tokens", "chat.completion.chunk", "assistant",
            "stop", "reasoning_content", "reasoning", "logprobs", "system_fingerprint", "type", "text", "text_delta",
            "content_block_delta", "thinking_delta", "thinking", "content_filter_results", "refusal", "tool_calls",
            "service_tier", "obfuscation", "length", "message", "filtered", "severity", "safe", "hate", "sexual",
            "violence", "self_harm", "default", "timings", "input_tokens", "output_tokens", "content_block_start",
            "content_block_stop", "message_delta", "stop_reason", "stop_sequence", "end_turn", "prompt_filter_results",
        ]
        var table = Array(repeating: [(bytes: [UInt8], string: String)](), count: 32)
        for word in words where word.utf8.count < 32 {
            table[word.utf8.count].append((Array(word.utf8), word))
        }
        return table
    }()

    /// The shared string equal to `bytes`, if it is one of the common ones.
    @inline(__always)
    static func string(for bytes: UnsafeRawBufferPointer) -> String? {
        let count = bytes.count
        guard count > 1, count < 32 else { return nil }
        for candidate in table[count] where candidate.bytes[0] == bytes[0] {
            let matches = candidate.bytes.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0 }
            if matches { return candidate.string }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
