import Synchronization

/// Shows each turn through a ``TurnRenderer``: live columns on a terminal, labelled lines in a
/// pipe. A fresh renderer is made for every turn, at the terminal's size of the moment.
final class RendererObserver: TurnObserver {
    private let makeRenderer: @Sendable () -> any TurnRenderer
    private let current = Mutex<(any TurnRenderer)?>(nil)

    init(makeRenderer: @escaping @Sendable () -> any TurnRenderer) {
        self.makeRenderer = makeRenderer
    }

    func turnBegan(_ turn: TurnRequest) {
        let renderer = makeRenderer()
        current.withLock { $0 = renderer }
        renderer.beginTurn(turn.heading)
        for side in Side.allCases where !turn.sides.sides.contains(side) {
            guard let kept = turn.keptAnswers[side] else { continue }
            Self.show(kept, keptOn: side, in: renderer)
        }
    }

    /// Shows the answer a side not asked this turn keeps, marked as kept.
    private static func show(_ answer: Answer, keptOn side: Side, in renderer: any TurnRenderer) {
        let final = AnswerProgress.kept(answer, at: .now)
        var progress = final
        progress.status = .streaming
        if !answer.reasoning.isEmpty { renderer.append(answer.reasoning, tone: .reasoning, side: side, progress: progress) }
        if !answer.text.isEmpty { renderer.append(answer.text, tone: .answer, side: side, progress: progress) }
        renderer.update(final, side: side)
    }

    func text(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        current.withLock { $0 }?.append(text, tone: tone, side: side, progress: progress)
    }

    func progress(_ progress: AnswerProgress, side: Side) {
        current.withLock { $0 }?.update(progress, side: side)
    }

    func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {
        current.withLock { $0 }?.update(final.progress, side: final.side)
    }

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        let renderer = current.withLock { current in
            defer { current = nil }
            return current
        }
        renderer?.endTurn(results.map { _, final in final?.answer ?? Answer(status: .done) })
    }
}
