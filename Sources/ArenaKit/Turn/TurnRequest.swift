/// One turn as a value: what to ask, of which models, on which sides, and why.
///
/// Every source of a turn (a typed line, `/ask`, `/retry`, `/replay`, `/run`, `arena run`,
/// `arena replay`, `arena mmlu`) builds one of these and hands it to the same ``TurnRunner``,
/// whose observers then draw, record, grade and count it the same way.
package struct TurnRequest: Sendable {
    /// What started the turn.
    public enum Origin: String, Sendable, Hashable {
        /// A message: typed, piped, a script line, or `/ask`.
        case message
        /// `/retry`: the last question again; the transcript already holds it.
        case retry
        /// A question of a transcript asked again (`/replay`, `arena replay`).
        case replay
        /// One question of an unattended MMLU run (`arena mmlu`).
        case mmlu
    }

    /// The turn's number, counted over the whole session.
    public var number: Int
    /// The question as sent.
    public var prompt: String
    /// What each side is sent: its own history, system prompt and settings.
    public var requests: SidePair<ChatRequest>
    /// The model on each side.
    public var models: SidePair<ModelDescriptor>
    /// The names shown above the columns (and in error messages).
    public var heading: TurnHeading
    /// The sides asked; the other side, if any, keeps its answer.
    public var sides: SideSelection
    /// The MMLU question the prompt asks, when its answers are to be graded.
    public var question: MMLUQuestion?
    public var origin: Origin
    /// The answer a side not asked keeps (`/retry b` keeps A's), shown again in its column.
    public var keptAnswers = SidePair<Answer?>(both: nil)
    /// True in a blind battle: the names are hidden (a judge's verdict is recorded as anonymous).
    public var blind = false

    public init(
        number: Int,
        prompt: String,
        requests: SidePair<ChatRequest>,
        models: SidePair<ModelDescriptor>,
        heading: TurnHeading,
        sides: SideSelection = .both,
        question: MMLUQuestion? = nil,
        origin: Origin = .message
    ) {
        self.number = number
        self.prompt = prompt
        self.requests = requests
        self.models = models
        self.heading = heading
        self.sides = sides
        self.question = question
        self.origin = origin
    }

    /// The transcript's reference to the MMLU question, when there is one.
    var mmluReference: TranscriptEvent.MMLUReference? {
        question.map {
            TranscriptEvent.MMLUReference(subject: $0.subject.name, split: $0.split.rawValue, index: $0.index, answer: $0.answer.letter)
        }
    }

    /// The grade of `answer` when the turn asks an MMLU question and the answer was not cut
    /// short, and the verdict its footer shows (also for an interrupted answer with text).
    func grading(of answer: Answer) -> (grade: MMLUGradedAnswer?, note: String?) {
        guard let question else { return (nil, nil) }
        let shown = answer.status == .done || !answer.text.isEmpty
        let counted = answer.status != .interrupted
        guard shown || counted else { return (nil, nil) }
        let graded = MMLUGrader.grade(answer.text, for: question)
        return (counted ? graded : nil, shown ? graded.summary : nil)
    }
}
