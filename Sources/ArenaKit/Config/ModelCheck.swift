import Foundation
import Synchronization

/// The outcome of `arena models --check` for one model.
public struct ModelCheckResult: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var succeeded: Bool
    /// One line saying what happened ("ok: answered "OK" in 0.4s" or the error).
    var detail: String

    public var description: String { "\(succeeded ? "✓" : "✗") \(name): \(detail)" }
}

extension ModelCatalog {
    /// Sends model `name` a tiny request ("Reply with OK", 16 tokens at most) and says in one
    /// line whether it answered. Never throws; a missing key, bad URL or failure is the result.
    public static func check(model name: String, in registry: ModelRegistry, timeout: Double = 30) async -> ModelCheckResult {
        let client: any ModelClient
        do {
            client = try registry.client(named: name)
        } catch {
            return ModelCheckResult(name: name, succeeded: false, detail: "\(error)")
        }
        let sink = CheckSink()
        let request = ChatRequest(
            messages: [.user("Reply with the single word OK.")],
            settings: GenerationSettings(temperature: 0, maxTokens: 16)
        )
        let start = ContinuousClock.now
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await client.stream(request, into: sink) }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))
                    throw ProviderError.timeout(phase: "the check to finish", seconds: timeout)
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch {
            return ModelCheckResult(name: name, succeeded: false, detail: "\(error)")
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let text = ErrorBody.oneLine(sink.text)
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let answer = text.isEmpty ? "answered (no text)" : "answered \"\(shown)\""
        return ModelCheckResult(name: name, succeeded: true, detail: answer + String(format: " in %.1fs", seconds))
    }
}

private final class CheckSink: AnswerSink {
    private let collected = Mutex("")

    func receive(_ event: AnswerEvent) {
        if case .text(let piece) = event { collected.withLock { $0 += piece } }
    }

    var text: String { collected.withLock { $0 } }
}
