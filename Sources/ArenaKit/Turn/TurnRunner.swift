/// Runs one turn: asks the sides at once, collects their answers, and publishes what happens
/// to the turn's observers. Every turn of arena, whatever started it, runs through here.
///
/// Each side streams in its own task, so the slower model never delays the faster one. A
/// failure on one side ends only that side. Cancelling the calling task (Ctrl-C) interrupts
/// both; the text received so far is kept and marked interrupted.
struct TurnRunner: Sendable {
    /// Finds the client for a model name.
    var clientFor: @Sendable (String) throws -> any ModelClient
    /// Finds the prices of a model, when configured.
    var pricesFor: @Sendable (String) -> ModelPrices?

    public init(
        clientFor: @escaping @Sendable (String) throws -> any ModelClient,
        pricesFor: @escaping @Sendable (String) -> ModelPrices? = { _ in nil }
    ) {
        self.clientFor = clientFor
        self.pricesFor = pricesFor
    }

    /// Runs `turn`, publishing its events to `observers` in order; returns the final answer of
    /// every side asked (`nil` for a side not asked) once all are final.
    public func run(_ turn: TurnRequest, observers list: [any TurnObserver]) async -> SidePair<FinalAnswer?> {
        let observers = TurnObservers(all: list)
        observers.turnBegan(turn)
        let start = ContinuousClock.now
        var results = SidePair<FinalAnswer?>(both: nil)
        await withTaskGroup(of: FinalAnswer.self) { group in
            for side in turn.sides.sides {
                let name = turn.models[side].name
                let collector = AnswerCollector(side: side, observers: observers, prices: pricesFor(name), startedAt: start)
                observers.progress(AnswerProgress(startedAt: start), side: side)
                group.addTask {
                    let (answer, progress) = await Self.stream(turn.requests[side], modelName: name, label: turn.heading.names[side], clientFor: clientFor, into: collector)
                    let grading = turn.grading(of: answer)
                    var final = FinalAnswer(side: side, model: name, answer: answer, progress: progress, grade: grading.grade)
                    final.progress.note = grading.note
                    observers.answerFinal(final, in: turn)
                    return final
                }
            }
            for side in Side.allCases where !turn.sides.sides.contains(side) {
                observers.progress(.kept(turn.keptAnswers[side], at: start), side: side)
            }
            for await final in group {
                results[final.side] = final
            }
        }
        observers.turnEnded(turn, results: results)
        return results
    }

    private static func stream(
        _ request: ChatRequest,
        modelName: String,
        label: String,
        clientFor: @Sendable (String) throws -> any ModelClient,
        into collector: AnswerCollector
    ) async -> (Answer, AnswerProgress) {
        do {
            let client = try clientFor(modelName)
            try await client.stream(request, into: collector)
            return collector.finish(Task.isCancelled ? .interrupted : .done)
        } catch is CancellationError {
            return collector.finish(.interrupted)
        } catch ProviderError.incomplete {
            return collector.finish(Task.isCancelled ? .interrupted : .incomplete)
        } catch {
            if Task.isCancelled { return collector.finish(.interrupted) }
            return collector.finish(.failed(message: "\(label): \(error)"))
        }
    }
}
