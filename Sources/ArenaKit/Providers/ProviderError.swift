import Foundation

/// Why an answer could not be had from a provider. Every case describes itself in one line
/// that names what went wrong and never contains a key.
package enum ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with an HTTP error status.
    case http(status: Int, code: String?, message: String?)
    /// The provider's content filter blocked the prompt or the answer.
    case contentFilter(message: String?)
    /// The server could not be reached (refused, DNS, TLS, reset); `detail` says which.
    case connection(detail: String)
    /// A timeout expired; `phase` names which ("connect", "first token", "idle").
    case timeout(phase: String, seconds: Double)
    /// The stream ended before its terminator; the text delivered so far stands.
    case incomplete
    /// The provider sent an error inside a successful stream.
    case streamError(code: String?, message: String)
    /// The server sent something arena could not understand.
    case malformedResponse(detail: String)
    /// Retrying after 429/503 would take longer than the allowed total wait.
    case retriesExhausted(lastStatus: Int, attempts: Int)
    /// The model is configured in a way that cannot work (missing key, bad URL).
    case misconfigured(detail: String)
    /// The server answered with a redirect, which arena never follows for API calls (the
    /// request carries the key); `location` is the host it pointed to, when it said.
    case redirected(status: Int, location: String?)

    public var description: String {
        switch self {
        case .http(let status, let code, let message):
            var line = "HTTP \(status)"
            // Azure repeats the status as the code ("429"); "HTTP 429 429" says nothing more.
            if let code, !code.isEmpty, code != String(status) { line += " \(code)" }
            if let message, !message.isEmpty { line += ": \(message)" }
            return line
        case .contentFilter(let message):
            return "blocked by the content filter" + (message.map { ": \($0)" } ?? "")
        case .connection(let detail):
            return "cannot connect: \(detail)"
        case .timeout(let phase, let seconds):
            return "timed out waiting for \(phase) after \(formatSeconds(seconds))"
        case .incomplete:
            return "the stream ended before the answer was complete"
        case .streamError(let code, let message):
            return "error in stream" + (code.map { " (\($0))" } ?? "") + ": \(message)"
        case .malformedResponse(let detail):
            return "malformed response: \(detail)"
        case .retriesExhausted(let status, let attempts):
            return "still HTTP \(status) after \(attempts) attempts; giving up"
        case .misconfigured(let detail):
            return "not usable: \(detail)"
        case .redirected(let status, let location):
            return "HTTP \(status) redirect" + (location.map { " to \($0)" } ?? "")
                + ", not followed: arena sends a model's key only to its configured endpoint (set the endpoint to the final URL)"
        }
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
}
