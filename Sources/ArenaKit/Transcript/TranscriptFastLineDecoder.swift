import Foundation

/// Reads the two events that make up nearly all of a long transcript, `user` and `answer`,
/// with ArenaKit's own ``JSONParser`` instead of `JSONDecoder` (several times faster: no keyed
/// containers, no generic metadata per field).
///
/// It only takes lines it can read completely and exactly as ``TranscriptLineCoder`` would:
/// anything else (another event type, a field of an unexpected type, an unreadable time, a
/// cost) gives nil and the line goes to the `Codable` path, which also words the errors.
struct TranscriptFastLineDecoder {
    private var parser = JSONParser()

    /// The record on `bytes` (one line without its newline), or nil to use the full decoder.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, lineNumber: Int) -> TranscriptRecord? {
        guard let json = try? parser.parse(bytes), case .object(let object) = json,
              let type = object["type"]?.stringValue else { return nil }
        guard let version = Self.optionalInt(object["v"]) else { return nil }
        var time: Date?
        switch object["ts"] {
        case nil, .null?: time = nil
        case .string(let text)?:
            guard let date = TranscriptTimestamp.date(from: text) else { return nil }
            time = date
        default: return nil
        }
        let event: TranscriptEvent
        switch type {
        case TranscriptEvent.TypeName.user:
            guard let user = Self.userTurn(object) else { return nil }
            event = .user(user)
        case TranscriptEvent.TypeName.answer:
            guard let answer = Self.answerRecord(object) else { return nil }
            event = .answer(answer)
        default:
            return nil
        }
        return TranscriptRecord(event: event, time: time, schemaVersion: version ?? TranscriptSchema.version, line: lineNumber)
    }

    private static func userTurn(_ object: JSONObject) -> TranscriptEvent.UserTurn? {
        guard let turn = requiredInt(object["turn"]), let prompt = object["prompt"]?.stringValue else { return nil }
        switch object["mmlu"] {
        case nil, .null?:
            return TranscriptEvent.UserTurn(turn: turn, prompt: prompt)
        default:
            // Rare enough (MMLU turns) to leave to the full decoder.
            return nil
        }
    }

    private static func answerRecord(_ object: JSONObject) -> TranscriptEvent.AnswerRecord? {
        guard let turn = requiredInt(object["turn"]),
              let sideName = object["side"]?.stringValue, let side = Side(rawValue: sideName),
              let model = optionalString(object["model"]),
              let adoptedFromName = optionalString(object["adopted_from"]),
              let statusWord = optionalString(object["status"]),
              let errorMessage = optionalString(object["error"]),
              let text = optionalString(object["text"]),
              let reasoning = optionalString(object["reasoning"]),
              let finishReason = optionalString(object["finish_reason"]),
              let timeToFirstToken = optionalDouble(object["ttft_s"]),
              let duration = optionalDouble(object["duration_s"]),
              let reportedModel = optionalString(object["reported_model"]),
              let usage = usage(object["usage"]) else { return nil }
        if let cost = object["cost"], !cost.isNull { return nil }
        var adoptedFrom: Side?
        if let adoptedFromName {
            guard let side = Side(rawValue: adoptedFromName) else { return nil }
            adoptedFrom = side
        }
        let answer = Answer(
            text: text ?? "",
            reasoning: reasoning ?? "",
            status: TranscriptEvent.AnswerRecord.status(word: statusWord ?? "done", error: errorMessage),
            finishReason: finishReason.map(FinishReason.init(providerValue:)),
            usage: usage,
            timeToFirstToken: timeToFirstToken,
            duration: duration,
            reportedModel: reportedModel
        )
        return TranscriptEvent.AnswerRecord(turn: turn, side: side, model: model, answer: answer, adoptedFrom: adoptedFrom)
    }

    /// The usage object: `.some(nil)` when absent, nil when it cannot be read here.
    private static func usage(_ value: JSONValue?) -> TokenUsage?? {
        guard let value else { return .some(nil) }
        guard case .object(let usage) = value,
              let input = optionalInt(usage["input_tokens"]),
              let output = optionalInt(usage["output_tokens"]) else { return nil }
        var isEstimate = false
        switch usage["estimate"] {
        case nil, .null?: break
        case .bool(let flag)?: isEstimate = flag
        default: return nil
        }
        return .some(TokenUsage(inputTokens: input, outputTokens: output, isEstimate: isEstimate))
    }

    // Each `optional…` reader gives `.some(nil)` for a field that is absent or null, `.some(x)`
    // for a field of the right type, and nil for one of another type.

    private static func optionalString(_ value: JSONValue?) -> String?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default: return nil
        }
    }

    private static func optionalDouble(_ value: JSONValue?) -> Double?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .number(let number)?: return .some(number)
        default: return nil
        }
    }

    private static func optionalInt(_ value: JSONValue?) -> Int?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .number(let number)?:
            guard let int = Int(exactly: number) else { return nil }
            return .some(int)
        default: return nil
        }
    }

    private static func requiredInt(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value else { return nil }
        return Int(exactly: number)
    }
}
