/// The observers of one run of turns, and how each event reaches all of them in order.
struct TurnObservers: Sendable {
    let all: [any TurnObserver]

    func turnBegan(_ turn: TurnRequest) {
        for observer in all { observer.turnBegan(turn) }
    }

    func text(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        for observer in all { observer.text(text, tone: tone, side: side, progress: progress) }
    }

    func progress(_ progress: AnswerProgress, side: Side) {
        for observer in all { observer.progress(progress, side: side) }
    }

    func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {
        for observer in all { observer.answerFinal(final, in: turn) }
    }

    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        for observer in all { observer.turnEnded(turn, results: results) }
    }
}
