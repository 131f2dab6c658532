/// Something that follows turns as they happen: draws them, records them, grades them, counts
/// them. The ``TurnRunner`` publishes every turn's events to a list of observers, in order;
/// ``TurnPipeline`` is the one place that list is made.
///
/// `text` and `progress` come from the two sides' streaming tasks concurrently and must return
/// quickly. Every method has an empty default, so an observer implements only what it uses.
package protocol TurnObserver: AnyObject, Sendable {
    /// The turn is about to be sent.
    func turnBegan(_ turn: TurnRequest)
    /// More text for a side, raw from the model, with the side's progress after it.
    func text(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress)
    /// A side's status or numbers changed.
    func progress(_ progress: AnswerProgress, side: Side)
    /// A side's answer is final.
    func answerFinal(_ final: FinalAnswer, in turn: TurnRequest)
    /// Every side asked is final; `results` holds them (`nil` for a side not asked).
    func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>)
}

extension TurnObserver {
    public func turnBegan(_ turn: TurnRequest) {}
    public func text(_ text: String, tone: LineTone, side: Side, progress: AnswerProgress) {}
    public func progress(_ progress: AnswerProgress, side: Side) {}
    public func answerFinal(_ final: FinalAnswer, in turn: TurnRequest) {}
    public func turnEnded(_ turn: TurnRequest, results: SidePair<FinalAnswer?>) {}
}

/// One side's finished answer, as every observer sees it.
package struct FinalAnswer: Sendable {
    public var side: Side
    /// The name of the model that answered.
    public var model: String
    public var answer: Answer
    /// The side's final progress, with the verdict its footer shows (an MMLU grade).
    public var progress: AnswerProgress
    /// The MMLU grade, when the turn asks a question and the answer was not interrupted.
    public var grade: MMLUGradedAnswer?
}
