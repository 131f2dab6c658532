/// The JSON documents `--json` prints (the shapes are in docs/json-output.md): every key is
/// always present (`null` when there is no value), keys are `snake_case`, times are seconds.
/// Model text is kept raw; the JSON escapes control characters (also DEL and the C1 range),
/// so the document itself carries none.
enum ResultJSON {
    /// `value` as one line of JSON text, ending in a newline.
    static func text(_ value: JSONValue) -> String {
        JSONControlEscaping.escape(value.jsonText) + "\n"
    }

    /// One turn: its number, prompt, origin, and each side's answer (`null` when not asked).
    static func turn(_ result: TurnResult) -> JSONObject {
        JSONObject([
            .init(key: "turn", value: .number(Double(result.number))),
            .init(key: "prompt", value: .string(result.prompt)),
            .init(key: "origin", value: .string(result.origin.rawValue)),
            .init(key: "a", value: result.answers.a.map(answer) ?? .null),
            .init(key: "b", value: result.answers.b.map(answer) ?? .null),
        ])
    }

    /// One side's final answer with its status, finish reason, usage, timings, cost and grade.
    static func answer(_ final: FinalAnswer) -> JSONValue {
        let answer = final.answer
        var error: JSONValue = .null
        if case .failed(let message) = answer.status { error = .string(message) }
        let usage: JSONValue = answer.usage.map { usage -> JSONValue in
            [
                "input_tokens": number(usage.inputTokens.map(Double.init)),
                "output_tokens": number(usage.outputTokens.map(Double.init)),
                "estimated": .bool(usage.isEstimate),
            ]
        } ?? .null
        return [
            "model": .string(final.model),
            "status": .string(answer.status.word),
            "error": error,
            "finish_reason": string(answer.finishReason?.description),
            "text": .string(answer.text),
            "reasoning": .string(answer.reasoning),
            "usage": usage,
            "time_to_first_token_s": number(answer.timeToFirstToken),
            "duration_s": number(answer.duration),
            "cost_usd": number(final.progress.cost),
            "grade": string(final.grade?.grade.rawValue),
        ]
    }

    /// One side's MMLU tally with its accuracy and 95% interval.
    static func tally(_ tally: MMLUTally, model: String) -> JSONValue {
        let interval = tally.confidenceInterval
        return [
            "model": .string(model),
            "right": .number(Double(tally.right)),
            "wrong": .number(Double(tally.wrong)),
            "unclear": .number(Double(tally.unclear)),
            "unanswered": .number(Double(tally.unanswered)),
            "total": .number(Double(tally.total)),
            "accuracy": number(tally.accuracy),
            "ci95_low": number(interval?.lower),
            "ci95_high": number(interval?.upper),
        ]
    }

    /// A model as `arena models` lists it.
    static func model(_ model: ModelDescriptor) -> JSONValue {
        [
            "name": .string(model.name),
            "provider": .string(model.provider.rawValue),
            "origin": .string(model.origin.rawValue),
            "endpoint_host": string(model.endpointHost),
            "remote_model": string(model.remoteModel),
            "summary": string(model.summary),
            "problem": string(model.problem),
        ]
    }

    static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }
}
