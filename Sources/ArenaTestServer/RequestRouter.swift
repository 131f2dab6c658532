import Foundation

/// Decides the answer to one request: checks path and auth for the dialect (404 and 401 with
/// the dialect's error bodies otherwise), serves the listing endpoints, and turns the chosen
/// ``TestBehaviour`` into a ``ResponsePlan``.
struct RequestRouter {
    var dialect: TestDialect
    var apiKey: String?
    var models: [String]

    /// The plan for `request`; `behaviour` is asked for only when the request is a valid chat request.
    func plan(for request: RecordedRequest, behaviour: (String) -> TestBehaviour) -> ResponsePlan {
        let renderer = DialectRenderer(dialect: dialect, requestedModel: "", wantsUsageChunk: false)
        func notFound() -> ResponsePlan {
            .json(404, renderer.errorBody(status: 404, code: "404", message: "Resource not found: \(request.method) \(request.path)"))
        }
        switch (dialect, request.method, request.path) {
        case (.openAI, "GET", "/v1/models"), (.anthropic, "GET", "/v1/models"):
            guard isAuthorized(request) else { return unauthorized(renderer) }
            let list = models.map { "{\"id\":\(jsonString($0)),\"object\":\"model\",\"owned_by\":\"test\"}" }
            return .json(200, "{\"object\":\"list\",\"data\":[\(list.joined(separator: ","))]}")
        case (.openAI, "GET", "/api/tags"):
            let list = models.map { "{\"name\":\(jsonString($0)),\"model\":\(jsonString($0)),\"size\":1}" }
            return .json(200, "{\"models\":[\(list.joined(separator: ","))]}")
        case (.azureAI, "GET", "/info"), (.azureAI, "GET", "/models/info"):
            guard request.query["api-version"] != nil else { return .json(400, renderer.errorBody(status: 400, code: "BadRequest", message: "api-version is required")) }
            guard isAuthorized(request) else { return unauthorized(renderer) }
            let name = models.first ?? "Test-Model-7B-Instruct"
            return .json(200, "{\"model_name\":\(jsonString(name)),\"model_type\":\"chat-completion\",\"model_provider_name\":\"Loopback\"}")
        default:
            break
        }
        guard request.method == "POST", isChatPath(request.path) else { return notFound() }
        if case .azureOpenAI = dialect, request.query["api-version"] == nil {
            return .json(404, renderer.errorBody(status: 404, code: "404", message: "Resource not found"))
        }
        if dialect == .azureAI, request.query["api-version"] == nil {
            return .json(400, renderer.errorBody(status: 400, code: "BadRequest", message: "api-version is required"))
        }
        guard isAuthorized(request) else { return unauthorized(renderer) }
        let body = request.bodyText
        if case .azureOpenAI = dialect, body.contains("\"stream_options\""), let version = request.query["api-version"],
           String(version.prefix(10)) < "2024-09-01" {
            return .json(400, renderer.errorBody(status: 400, code: "invalid_request_error", message: "Unrecognized request argument supplied: stream_options"))
        }
        if dialect == .anthropic {
            if request.header("anthropic-version") == nil {
                return .json(400, renderer.errorBody(status: 400, code: "invalid_request_error", message: "anthropic-version: header is required"))
            }
            if !body.contains("\"max_tokens\"") {
                return .json(400, renderer.errorBody(status: 400, code: "invalid_request_error", message: "max_tokens: Field required"))
            }
        }
        let model = requestedModel(request)
        let chatRenderer = DialectRenderer(dialect: dialect, requestedModel: model, wantsUsageChunk: body.contains("\"include_usage\":true"))
        var chosen = behaviour(model)
        if case .judge(let judge) = chosen { chosen = .answer(.words(judge.reply(toRequestBody: body))) }
        if case .held(.judge(let judge)) = chosen { chosen = .held(.answer(.words(judge.reply(toRequestBody: body)))) }
        return Self.plan(for: chosen, renderer: chatRenderer)
    }

    private func isChatPath(_ path: String) -> Bool {
        switch dialect {
        case .openAI: return path == "/v1/chat/completions" || path == "/chat/completions"
        case .azureAI: return path == "/chat/completions" || path == "/models/chat/completions"
        case .azureOpenAI(let deployment): return path == "/openai/deployments/\(deployment)/chat/completions"
        case .anthropic: return path == "/v1/messages"
        }
    }

    private func isAuthorized(_ request: RecordedRequest) -> Bool {
        guard let apiKey else { return true }
        switch dialect {
        case .openAI: return request.header("authorization") == "Bearer \(apiKey)"
        case .azureAI: return request.header("authorization") == "Bearer \(apiKey)" || request.header("api-key") == apiKey
        case .azureOpenAI: return request.header("api-key") == apiKey
        case .anthropic: return request.header("x-api-key") == apiKey
        }
    }

    private func unauthorized(_ renderer: DialectRenderer) -> ResponsePlan {
        switch dialect {
        case .openAI: return .json(401, renderer.errorBody(status: 401, code: "invalid_api_key", message: "Incorrect API key provided."))
        case .anthropic: return .json(401, renderer.errorBody(status: 401, code: "authentication_error", message: "invalid x-api-key"))
        case .azureAI, .azureOpenAI:
            return .json(401, renderer.errorBody(status: 401, code: "401", message: "Access denied due to invalid subscription key or wrong API endpoint."))
        }
    }

    private func requestedModel(_ request: RecordedRequest) -> String {
        if case .azureOpenAI(let deployment) = dialect { return deployment }
        let body = request.bodyText
        guard let range = body.range(of: "\"model\":\"") else { return "test-model" }
        let rest = body[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    static func plan(for behaviour: TestBehaviour, renderer: DialectRenderer) -> ResponsePlan {
        func texts(_ events: ArraySlice<String>) -> [ResponsePlan.Part] { events.map { .text($0) } }
        switch behaviour {
        case .answer(let answer):
            let (events, terminator) = renderer.events(for: answer)
            return .eventStream(texts(events[...]) + [.text(terminator)])
        case .slow(let answer, let delay):
            let (events, terminator) = renderer.events(for: answer)
            var parts: [ResponsePlan.Part] = []
            for event in events + [terminator] {
                if !parts.isEmpty { parts.append(.delay(milliseconds: delay)) }
                parts.append(.text(event))
            }
            return .eventStream(parts)
        case .stall(let answer, let count):
            let (events, _) = renderer.events(for: answer)
            return .eventStream(texts(events.prefix(count)), ending: .stall)
        case .cutOff(let answer, let count, let midJSON):
            let (events, _) = renderer.events(for: answer)
            var parts = texts(events.prefix(count))
            if midJSON, count < events.count {
                let event = events[count]
                parts.append(.text(String(event.prefix(event.count / 2))))
            }
            return .eventStream(parts)
        case .dropConnection(let answer, let count):
            let (events, _) = renderer.events(for: answer)
            return .eventStream(texts(events.prefix(count)), ending: .drop)
        case .malformedChunk(let answer, let count):
            let (events, terminator) = renderer.events(for: answer)
            let broken = renderer.dialect == .anthropic
                ? "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"oops\"\n\n"
                : "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"oops\"}\n\n"
            return .eventStream(texts(events.prefix(count)) + [.text(broken)] + texts(events.dropFirst(count)) + [.text(terminator)])
        case .rateLimited(let status, let hint):
            var headers: [(String, String)] = []
            let now = Date()
            switch hint {
            case .none: break
            case .retryAfterSeconds(let seconds): headers.append(("retry-after", String(seconds)))
            case .retryAfterDate(let offset):
                headers.append(("date", httpDate(now)))
                headers.append(("retry-after", httpDate(now.addingTimeInterval(Double(offset)))))
            case .retryAfterMs(let ms): headers.append(("retry-after-ms", String(ms)))
            case .xMsRetryAfterMs(let ms): headers.append(("x-ms-retry-after-ms", String(ms)))
            }
            let code = status == 429 ? (renderer.dialect == .anthropic ? "rate_limit_error" : "429") : "ServiceUnavailable"
            let message = status == 429 ? "Rate limit is exceeded. Try again later." : "The service is temporarily unavailable."
            return .json(status, renderer.errorBody(status: status, code: code, message: message), headers: headers)
        case .serverError:
            return .json(500, renderer.errorBody(status: 500, code: "server_error", message: "The server had an error while processing your request."))
        case .httpError(let status, let body):
            return .json(status, body)
        case .unterminatedLine(let bytes):
            let piece = String(repeating: "x", count: 64 * 1024)
            return .eventStream([.text("data: "), .repeated(chunks: [piece], count: max(1, bytes / piece.utf8.count))])
        case .tricklingError(let status, let bytes, let delay):
            let parts = (0..<bytes).flatMap { _ in [ResponsePlan.Part.text(" "), .delay(milliseconds: delay)] }
            return ResponsePlan(status: status, headers: [("content-type", "application/json")], parts: parts)
        case .redirect(let status, let location):
            return .json(status, "{\"moved\":true}", headers: [("location", location)])
        case .errorEvent(let answer, let count, let code, let message):
            let (events, _) = renderer.events(for: answer)
            return .eventStream(texts(events.prefix(count)) + [.text(renderer.errorEvent(code: code, message: message))])
        case .nonStreaming(let answer):
            return .json(200, renderer.completeBody(for: answer))
        case .contentFilterBlock:
            return .json(400, renderer.contentFilterBody())
        case .contentFilterFinish(let answer):
            let (events, terminator) = renderer.events(for: answer, finishOverride: "content_filter")
            return .eventStream(texts(events[...]) + [.text(terminator)])
        case .judge(let judge):
            return plan(for: .answer(.words(judge.reply(toRequestBody: ""))), renderer: renderer)
        case .held(let behaviour):
            var plan = plan(for: behaviour, renderer: renderer)
            plan.heldFor = renderer.requestedModel
            return plan
        case .firehose(let chunks, let texts):
            let rendered = texts.isEmpty ? [renderer.firehoseChunk(text: "")] : texts.map(renderer.firehoseChunk(text:))
            return .eventStream([.repeated(chunks: rendered, count: chunks), .text(renderer.firehoseEnd(chunks: chunks))])
        }
    }

    private static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
