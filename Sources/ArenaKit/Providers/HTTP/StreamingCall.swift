import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// Runs one streaming request end to end: sends it, retries 429 and 503 answers with backoff,
/// turns HTTP errors into ``ProviderError``s, enforces the connect, first-token and idle
/// timeouts, and hands the body to an ``EventStreamBody``.
///
/// This is the shared machinery under every HTTP provider client.
struct StreamingCall: Sendable {
    var httpClient: HTTPClient
    var timeouts: ProviderTimeouts
    var retry: RetryPolicy
    var redactor: SecretRedactor
    var logger: Logger
    var modelName: String

    /// Sends `request` and streams its answer into `sink`, decoding with the body `makeBody`
    /// makes. Returns when the stream ended properly.
    func run<Interpreter: ChunkInterpreter>(
        _ request: PreparedRequest,
        into sink: any AnswerSink,
        makeBody: @escaping @Sendable () -> EventStreamBody<Interpreter>
    ) async throws {
        let watchdog = StreamWatchdog()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await watchdog.run() }
                group.addTask {
                    try await self.attempt(request, into: sink, watchdog: watchdog, makeBody: makeBody)
                }
                // The watchdog only ever ends by throwing, so the first child to end decides:
                // the request finished or failed, or a timeout fired. Either way the other one
                // is cancelled (which closes the connection).
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if let error = error as? ProviderError { throw error }
            if error is CancellationError { throw error }
            throw ConnectionFailure.providerError(for: error, host: request.host, connectTimeout: timeouts.connect)
        }
        if Task.isCancelled { throw CancellationError() }
    }

    private func attempt<Interpreter: ChunkInterpreter>(
        _ request: PreparedRequest,
        into sink: any AnswerSink,
        watchdog: StreamWatchdog,
        makeBody: @Sendable () -> EventStreamBody<Interpreter>
    ) async throws {
        let clientRequest = request.makeClientRequest()
        var retryNumber = 0
        var totalWait = 0.0
        while true {
            try Task.checkCancellation()
            watchdog.arm(phase: "first token", seconds: timeouts.firstToken)
            logger.debug("request", metadata: ["model": "\(modelName)", "host": "\(request.host)", "attempt": "\(retryNumber + 1)"])
            let response: HTTPClientResponse
            do {
                response = try await httpClient.execute(clientRequest, deadline: .distantFuture)
            } catch {
                try Task.checkCancellation()
                throw ConnectionFailure.providerError(for: error, host: request.host, connectTimeout: timeouts.connect)
            }
            let status = Int(response.status.code)
            logger.debug("response", metadata: ["model": "\(modelName)", "status": "\(status)"])
            if (200..<300).contains(status) {
                try await stream(response, into: sink, watchdog: watchdog, makeBody: makeBody)
                return
            }
            if (300..<400).contains(status) {
                throw ProviderError.redirected(status: status, location: RedirectLocation.origin(of: response.headers.first(name: "location")))
            }
            // An error body gets one total deadline (a body trickling a byte at a time must not
            // hold the turn open), and only its first 64 KiB are read.
            watchdog.arm(phase: "the body of HTTP \(status)", seconds: min(timeouts.idle, Self.errorBodySeconds))
            let body = try await collect(response.body, limit: Self.errorBodyLimit)
            let failure = ErrorBody.providerError(status: status, body: body, redactor: redactor)
            guard status == 429 || status == 503 else { throw failure }
            let wait = RetryAfter.seconds(in: response.headers) ?? retry.backoff(retry: retryNumber + 1)
            guard retryNumber < retry.maxRetries, totalWait + wait <= retry.maxTotalWait else {
                if retryNumber == 0, wait > retry.maxTotalWait, case .http(let status, let code, let message) = failure {
                    let asked = "the server asked to wait \(RetryAfter.format(wait)), longer than the \(RetryAfter.format(retry.maxTotalWait)) retry.max_total_wait allows"
                    throw ProviderError.http(status: status, code: code, message: [message, "(\(asked))"].compactMap { $0 }.joined(separator: " "))
                }
                if retryNumber == 0 { throw failure }
                throw ProviderError.retriesExhausted(lastStatus: status, attempts: retryNumber + 1)
            }
            retryNumber += 1
            totalWait += wait
            let reason = status == 429 ? "HTTP 429 rate limited" : "HTTP 503 service unavailable"
            sink.receive(.retrying(attempt: retryNumber, seconds: wait, reason: reason))
            watchdog.disarm()
            try await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded())))
        }
    }

    private func stream<Interpreter: ChunkInterpreter>(
        _ response: HTTPClientResponse,
        into sink: any AnswerSink,
        watchdog: StreamWatchdog,
        makeBody: @Sendable () -> EventStreamBody<Interpreter>
    ) async throws {
        var body = makeBody()
        var contentFlowing = false
        do {
            for try await buffer in response.body {
                if contentFlowing { watchdog.extend(seconds: timeouts.idle) }
                try buffer.withUnsafeReadableBytes { try body.consume($0, into: sink) }
                if !contentFlowing && body.hasDeliveredContent {
                    contentFlowing = true
                    watchdog.arm(phase: "idle", seconds: timeouts.idle)
                }
                if body.isTerminated { break }
            }
        } catch let error as ProviderError {
            throw error
        } catch {
            try Task.checkCancellation()
            // The connection broke mid-answer: what arrived stands, the answer is incomplete.
            if body.hasDeliveredContent { throw ProviderError.incomplete }
            throw ConnectionFailure.providerError(for: error, host: "the server", connectTimeout: timeouts.connect)
        }
        try body.finish(into: sink)
    }

    /// The longest an error body may take to arrive, in seconds.
    static let errorBodySeconds = 10.0
    /// The most of an error body arena reads.
    static let errorBodyLimit = 64 * 1024

    private func collect(_ body: HTTPClientResponse.Body, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in body {
                bytes.append(contentsOf: buffer.readableBytesView.prefix(limit - bytes.count))
                if bytes.count >= limit { break }
            }
        } catch {
            try Task.checkCancellation()
        }
        return bytes
    }
}

extension StreamingCall {
    /// The call for one configured model: its timeouts, retry policy and name, on `httpClient`
    /// or on a client made for the model's connect timeout.
    init(connection: ModelConnection, httpClient: HTTPClient?, redactor: SecretRedactor) {
        self.init(
            httpClient: httpClient ?? HTTPClients.client(connectTimeout: connection.timeouts.connect, endpoint: connection.endpoint),
            timeouts: connection.timeouts,
            retry: connection.retry,
            redactor: redactor,
            logger: ProviderLogging.logger,
            modelName: connection.name
        )
    }
}
