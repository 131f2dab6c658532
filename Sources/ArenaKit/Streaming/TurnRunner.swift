/// Asks both sides at once and collects both answers: the heart of a turn.
///
/// Each side streams in its own task, so the slower model never delays the faster one. A
/// failure on one side ends only that side. Cancelling the calling task (Ctrl-C) interrupts
/// both; the text received so far is kept and marked interrupted.
public struct TurnRunner: Sendable {
    /// Finds the client for a model name.
    public var clientFor: @Sendable (String) throws -> any ModelClient
    /// Finds the prices of a model, when configured.
    public var pricesFor: @Sendable (String) -> ModelPrices?

    public init(
        clientFor: @escaping @Sendable (String) throws -> any ModelClient,
        pricesFor: @escaping @Sendable (String) -> ModelPrices? = { _ in nil }
    ) {
        self.clientFor = clientFor
        self.pricesFor = pricesFor
    }

    /// Sends `requests` to the models on `sides` and streams into `renderer`; returns both
    /// answers once both are final. `only` limits the turn to one side (`/retry a`); the other
    /// side's answer is then `nil`.
    public func run(
        requests: SidePair<ChatRequest>,
        models: SidePair<ModelDescriptor>,
        heading: TurnHeading,
        renderer: any TurnRenderer,
        only: SideSelection = .both,
        annotate: @escaping @Sendable (Side, Answer) -> String? = { _, _ in nil },
        onAnswer: @escaping @Sendable (Side, Answer) -> Void = { _, _ in }
    ) async -> SidePair<Answer?> {
        renderer.beginTurn(heading)
        let start = ContinuousClock.now
        var answers = SidePair<Answer?>(both: nil)
        await withTaskGroup(of: (Side, Answer).self) { group in
            for side in only.sides {
                let collector = AnswerCollector(side: side, renderer: renderer, prices: pricesFor(models[side].name), startedAt: start)
                renderer.update(AnswerProgress(startedAt: start), side: side)
                let request = requests[side]
                let name = models[side].name
                let label = heading.names[side]
                group.addTask {
                    let answer = await Self.stream(request, modelName: name, label: label, clientFor: clientFor, into: collector) {
                        annotate(side, $0)
                    }
                    onAnswer(side, answer)
                    return (side, answer)
                }
            }
            for side in Side.allCases where !only.sides.contains(side) {
                renderer.update(AnswerProgress(status: .done, startedAt: start, endedAt: start), side: side)
            }
            for await (side, answer) in group {
                answers[side] = answer
            }
        }
        renderer.endTurn(answers.map { _, answer in answer ?? Answer(status: .done) })
        return answers
    }

    private static func stream(
        _ request: ChatRequest,
        modelName: String,
        label: String,
        clientFor: @Sendable (String) throws -> any ModelClient,
        into collector: AnswerCollector,
        annotate: (Answer) -> String?
    ) async -> Answer {
        do {
            let client = try clientFor(modelName)
            try await client.stream(request, into: collector)
            return collector.finish(Task.isCancelled ? .interrupted : .done, annotate: annotate)
        } catch is CancellationError {
            return collector.finish(.interrupted, annotate: annotate)
        } catch ProviderError.incomplete {
            return collector.finish(Task.isCancelled ? .interrupted : .incomplete, annotate: annotate)
        } catch {
            if Task.isCancelled { return collector.finish(.interrupted, annotate: annotate) }
            return collector.finish(.failed(message: "\(label): \(error)"), annotate: annotate)
        }
    }
}
