/// A renderer that shows nothing: for work that runs many sessions at once (`arena replay DIR`)
/// and reports a summary line instead.
final class SilentRenderer: TurnRenderer, Sendable {
    public init() {}
    func beginTurn(_ heading: TurnHeading) {}
    public func append(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {}
    func update(_ progress: AnswerProgress, side: Side) {}
    func endTurn(_ answers: SidePair<Answer>) {}
}
