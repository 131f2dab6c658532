/// What a response says about its choice, as a careful reader would put it.
public enum MMLUAnswerReading: Sendable, Hashable, CustomStringConvertible {
    /// The response picks this choice.
    case choice(MMLUChoice)
    /// The response states answers that conflict ("Answer: A" … "Final answer: C"), or
    /// commits to several choices at once ("Both A and C").
    case unclear
    /// The response picks no choice: no answer, a hedge ("A or B"), or reasoning that never ends.
    case unanswered

    /// The picked choice, if there is exactly one.
    public var choice: MMLUChoice? {
        if case .choice(let choice) = self { return choice }
        return nil
    }

    /// "C", "unclear" or "unanswered".
    public var description: String {
        switch self {
        case .choice(let choice): return choice.letter
        case .unclear: return "unclear"
        case .unanswered: return "unanswered"
        }
    }
}
