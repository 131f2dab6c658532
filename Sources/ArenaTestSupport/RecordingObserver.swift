import ArenaKit
import Synchronization

/// A turn observer that writes down every event it hears, for tests that check what the
/// runner published and in what order.
package final class RecordingObserver: TurnObserver {
    /// One event, reduced to what tests compare.
    package enum Event: Sendable, Hashable {
        case began(turn: Int, origin: TurnRequest.Origin, prompt: String)
        case final(turn: Int, side: Side, status: AnswerStatus, graded: Bool)
        case ended(turn: Int, sides: [Side])
    }

    private let recorded = Mutex<[Event]>([])
    private let text = Mutex(SidePair(both: ""))

    package init() {}

    /// Every event so far, in order (text and progress left out; see ``streamedText``).
    package var events: [Event] { recorded.withLock { $0 } }

    /// All text streamed so far, per side.
    package var streamedText: SidePair<String> { text.withLock { $0 } }

    /// Forgets everything heard so far.
    package func reset() {
        recorded.withLock { $0 = [] }
        text.withLock { $0 = SidePair(both: "") }
    }

    package func turnBegan(_ turn: TurnRequest) {
        recorded.withLock { $0.append(.began(turn: turn.number, origin: turn.origin, prompt: turn.prompt)) }
    }

    package func text(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {
        self.text.withLock { $0[side] += text }
    }

    package func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {
        recorded.withLock { $0.append(.final(turn: turn.number, side: final.side, status: final.answer.status, graded: final.grade != nil)) }
    }

    package func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {
        recorded.withLock { $0.append(.ended(turn: turn.number, sides: Side.allCases.filter { results[$0] != nil })) }
    }
}
