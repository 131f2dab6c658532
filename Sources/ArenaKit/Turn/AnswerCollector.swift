import Synchronization

/// Gathers one side's streaming answer: accumulates the text, times the first token, keeps the
/// usage the provider reports, and passes every change on to the turn's observers.
final class AnswerCollector: AnswerSink, Sendable {
    private struct State: Sendable {
        var answer = Answer()
        var progress: AnswerProgress
        /// Unicode scalars of text and reasoning so far, kept as they arrive so the token
        /// estimate never re-counts the whole answer.
        var scalars = 0
        /// UTF-8 bytes of text and reasoning kept so far.
        var bytes = 0
        /// True once the answer reached ``AnswerCollector/textLimit``: it was cut and marked,
        /// and what follows is dropped.
        var isCut = false
    }

    /// The most of one answer (text and reasoning together, UTF-8 bytes) arena keeps: a server
    /// that streams without end cannot make it hold unbounded memory. Past it the answer is
    /// cut at a character boundary and ``cutMarker`` is added.
    static let textLimit = 8 << 20
    /// What ends an answer cut at ``textLimit``.
    static let cutMarker = "\n[… cut here: arena keeps at most 8 MiB of an answer]"

    let side: Side
    private let observers: TurnObservers
    private let prices: ModelPrices?
    private let state: Mutex<State>
    private let startedAt: ContinuousClock.Instant

    init(side: Side, observers: TurnObservers, prices: ModelPrices?, startedAt: ContinuousClock.Instant) {
        self.side = side
        self.observers = observers
        self.prices = prices
        self.startedAt = startedAt
        state = Mutex(State(progress: AnswerProgress(startedAt: startedAt)))
    }

    func receive(_ event: AnswerEvent) {
        let now = ContinuousClock.now
        let (progress, textToShow, tone): (AnswerProgress?, String?, LineTone) = state.withLock { state in
            switch event {
            case .text(let whole), .reasoning(let whole):
                guard !state.isCut else { return (nil, nil, .answer) }
                var text = whole
                if state.bytes + text.utf8.count > Self.textLimit {
                    text = Self.prefix(of: text, bytes: Self.textLimit - state.bytes) + Self.cutMarker
                    state.isCut = true
                }
                state.bytes += text.utf8.count
                let isReasoning: Bool
                if case .reasoning = event { isReasoning = true } else { isReasoning = false }
                if isReasoning { state.answer.reasoning += text } else { state.answer.text += text }
                state.scalars += text.unicodeScalars.count
                if state.progress.firstTokenAt == nil {
                    state.progress.firstTokenAt = now
                    state.answer.timeToFirstToken = (now - startedAt).seconds
                }
                if state.progress.status != .streaming {
                    state.progress.status = .streaming
                    state.progress.retryAt = nil
                }
                if state.answer.usage?.outputTokens == nil || state.answer.usage?.isEstimate == true {
                    state.progress.outputTokens = Answer.estimatedTokens(scalars: state.scalars)
                    state.progress.tokensAreEstimated = true
                }
                return (state.progress, text, isReasoning ? .reasoning : .answer)
            case .usage(let usage):
                var merged = state.answer.usage ?? TokenUsage()
                if let input = usage.inputTokens { merged.inputTokens = input }
                if let output = usage.outputTokens { merged.outputTokens = output }
                merged.isEstimate = usage.isEstimate
                state.answer.usage = merged
                if let output = merged.outputTokens, !merged.isEstimate {
                    state.progress.outputTokens = output
                    state.progress.tokensAreEstimated = false
                }
                state.progress.cost = prices?.cost(of: merged)
                return (state.progress, nil, .answer)
            case .finished(let reason):
                state.answer.finishReason = reason
                state.progress.finishReason = reason
                return (nil, nil, .answer)
            case .reportedModel(let name):
                state.answer.reportedModel = name
                return (nil, nil, .answer)
            case .retrying(let attempt, let seconds, _):
                state.progress.status = .retrying(attempt: attempt, secondsLeft: Int(seconds.rounded(.up)))
                state.progress.retryAt = now + .nanoseconds(Int64(seconds * 1e9))
                return (state.progress, nil, .answer)
            }
        }
        if let textToShow, let progress {
            observers.text(textToShow, tone: tone, side: side, progress: progress)
        } else if let progress {
            observers.progress(progress, side: side)
        }
    }

    /// The longest start of `text` that is at most `bytes` UTF-8 bytes, ending on a character.
    private static func prefix(of text: String, bytes: Int) -> String {
        var end = text.startIndex
        var used = 0
        for character in text {
            used += character.utf8.count
            guard used <= bytes else { break }
            end = text.index(after: end)
        }
        return String(text[..<end])
    }

    /// `text` in storage of its own size, when growing it left much unused capacity.
    private static func compacted(_ text: String) -> String {
        var text = text
        guard text.utf8.count >= 4096 else { return text }
        return text.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Ends the answer with `status` and returns it with the side's final progress; the
    /// runner tells the observers.
    func finish(_ status: AnswerStatus) -> (Answer, AnswerProgress) {
        let now = ContinuousClock.now
        return state.withLock { state in
            var status = status
            if status == .done && state.answer.finishReason == .contentFilter {
                status = .failed(message: ProviderError.contentFilter(message: nil).description)
            }
            state.answer.status = status
            state.answer.duration = (now - startedAt).seconds
            // The text grew by doubling; the history keeps it for the rest of the session.
            state.answer.text = Self.compacted(state.answer.text)
            state.answer.reasoning = Self.compacted(state.answer.reasoning)
            state.progress.status = status
            state.progress.endedAt = now
            state.progress.retryAt = nil
            let tokens = state.answer.outputTokens
            state.progress.outputTokens = tokens.count
            state.progress.tokensAreEstimated = tokens.isEstimate
            if state.answer.usage == nil || state.answer.usage?.outputTokens == nil {
                var usage = state.answer.usage ?? TokenUsage()
                usage.outputTokens = tokens.count
                usage.isEstimate = true
                state.answer.usage = tokens.count > 0 ? usage : state.answer.usage
            }
            state.progress.cost = state.answer.usage.flatMap { prices?.cost(of: $0) }
            return (state.answer, state.progress)
        }
    }
}
