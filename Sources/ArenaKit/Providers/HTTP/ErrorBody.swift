/// Turns the body of an HTTP error answer into a ``ProviderError``, reading the shapes the
/// providers use leniently: nested `{"error": {code, message, innererror}}` (OpenAI, Azure),
/// flat `{status, code, message, detail}` (Azure AI), Anthropic's `{"type": "error",
/// "error": {type, message}}`, `{"error": "text"}` (Ollama) and plain text.
enum ErrorBody {
    /// The error for an answer with HTTP `status` and `body`, secrets removed.
    static func providerError(status: Int, body: [UInt8], redactor: SecretRedactor) -> ProviderError {
        let details = parse(body)
        let message = details.message.map { oneLine(redactor.redact($0)) }
        let code = details.code.map { oneLine(redactor.redact($0)) }
        if details.isContentFilter {
            return .contentFilter(message: message)
        }
        return .http(status: status, code: code, message: message)
    }

    /// The code and message an error object carries, for errors inside a 200 stream.
    static func streamError(from json: JSONValue, redactor: SecretRedactor) -> ProviderError {
        let details = details(of: json)
        let message = oneLine(redactor.redact(details.message ?? "unspecified error"))
        if details.isContentFilter { return .contentFilter(message: message) }
        return .streamError(code: details.code.map { oneLine(redactor.redact($0)) }, message: message)
    }

    struct Details {
        var code: String?
        var message: String?
        var isContentFilter = false
    }

    static func parse(_ body: [UInt8]) -> Details {
        if let json = try? JSONParser.parse(body) {
            return details(of: json)
        }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Details(code: nil, message: text.isEmpty ? nil : text)
    }

    static func details(of json: JSONValue) -> Details {
        var details = Details()
        let error: JSONValue
        switch json["error"] {
        case .some(.object(let object)): error = .object(object)
        case .some(.string(let text)):
            details.message = text
            error = json
        default: error = json
        }
        details.code = error["code"]?.scalarText ?? error["type"]?.stringValue ?? json["code"]?.scalarText
        if details.code == "error" { details.code = nil }
        if details.message == nil {
            details.message = error["message"]?.stringValue ?? json["message"]?.stringValue
                ?? json["detail"]?.stringValue ?? json["error_description"]?.stringValue
        }
        if let detail = json["detail"]?.objectValue, let location = detail["loc"]?.arrayValue {
            let path = location.compactMap(\.scalarText).joined(separator: ".")
            if !path.isEmpty { details.message = (details.message ?? "invalid parameter") + " (\(path))" }
        }
        let inner = error["innererror"] ?? error["inner_error"]
        details.isContentFilter = details.code == "content_filter"
            || inner?["code"]?.stringValue == "ResponsibleAIPolicyViolation"
            || inner?["content_filter_result"] != nil || inner?["content_filter_results"] != nil
        return details
    }

    /// Collapses whitespace runs (newlines included) and keeps at most 300 characters. Callers
    /// redact secrets first: a key cut in two by the limit would no longer be recognised.
    static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var line = words.joined(separator: " ")
        if line.count > 300 { line = String(line.prefix(300)) + "…" }
        return line
    }
}
