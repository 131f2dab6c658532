import Foundation

/// A transcript read back: its records, and the session they describe.
///
/// `state` is where the session ended (for `/load`); `turns` lists every user turn in order
/// with the models, settings and system prompts in effect when it was asked (for replay and
/// export); votes, grades, reveals and notes are collected alongside.
public struct LoadedTranscript: Sendable {
    /// The path the transcript was read from.
    public var file: String
    /// Every event read, in file order.
    var records: [TranscriptRecord]
    /// The session header, when the file has one.
    var header: TranscriptEvent.SessionStart?
    /// When the session started (the header's time).
    public var startedAt: Date?
    /// Both conversations as they were at the end: models, settings, system prompts and the
    /// turns of each side's current history.
    public var state: ArenaState
    /// Every turn asked, in order, including those a later `/clear` removed from `state`.
    public var turns: [LoadedTurn]
    public var votes: [TranscriptEvent.Vote]
    var grades: [TranscriptEvent.Grade]
    var reveals: [TranscriptEvent.Reveal]
    /// Every judge model's verdict, in file order.
    public var judgeVerdicts: [TranscriptEvent.JudgeVerdict]
    public var notes: [TranscriptEvent.Note]
    /// The latest identity recorded for each side (`nil` when none was).
    var modelIdentities: SidePair<TranscriptEvent.ModelIdentity?>
    /// What was odd about the file or the session it describes.
    public var warnings: [TranscriptWarning]

    /// Rebuilds the session described by `records`, read from `file`. `readWarnings` are the
    /// reader's; the session's own are added after them.
    public init(file: String, records: [TranscriptRecord], readWarnings: [TranscriptWarning] = []) {
        var builder = TranscriptSessionBuilder(file: file)
        for record in records {
            builder.apply(record)
        }
        builder.finish()
        self.file = file
        self.records = records
        self.header = builder.header
        self.startedAt = builder.startedAt
        self.state = builder.state
        self.turns = builder.turns
        self.votes = builder.votes
        self.grades = builder.grades
        self.reveals = builder.reveals
        self.judgeVerdicts = builder.judgeVerdicts
        self.notes = builder.notes
        self.modelIdentities = builder.identities
        self.warnings = readWarnings + builder.warnings
    }

    /// The path of the transcript this session continued, if any.
    public var source: String? { header?.source }

    /// The turn numbered `number`.
    public func turn(numbered number: Int) -> LoadedTurn? {
        turns.last { $0.number == number }
    }
}

/// One user turn of a transcript, with what was in effect when it was asked and what came of it.
public struct LoadedTurn: Sendable, Hashable {
    /// The session-wide turn number, from 1.
    public var number: Int
    public var prompt: String
    /// The MMLU question it asked, if it did.
    public var mmlu: TranscriptEvent.MMLUReference?
    /// When it was asked.
    var askedAt: Date?
    /// The model on each side when it was asked.
    public var models: SidePair<ModelDescriptor>
    /// Each side's settings, system prompt included, when it was asked: what a replay sends.
    public var settings: SidePair<GenerationSettings>
    /// Each side's recorded answer (the last one, after `/retry` or `/adopt`); `nil` when the
    /// session ended before it was recorded.
    public var answers: SidePair<TranscriptEvent.AnswerRecord?>
    /// True for a side whose history was emptied (`/clear`, or a new model on that side) since
    /// the previous turn: a replay starts that side afresh here.
    var historyResetBefore: SidePair<Bool>
    /// True when the sides were swapped (an odd number of times) since the previous turn.
    var swappedBefore: Bool
    public var votes: [TranscriptEvent.Vote]
    var grades: [TranscriptEvent.Grade]
    /// True for a side whose answer was asked again (`/retry`) after it was first recorded.
    var retried = SidePair(both: false)

    /// The side that kept its answer while the other side was asked again (`/retry a|b`):
    /// never retried itself, and not given the other side's answer by `/adopt`.
    var keptSide: Side? {
        Side.allCases.first { side in
            !retried[side] && retried[side.other] && answers[side] != nil && answers[side]?.adoptedFrom == nil
        }
    }

    /// The recorded answer on `side`, or an empty interrupted one when none was recorded.
    public func answer(_ side: Side) -> Answer {
        answers[side]?.answer ?? Answer(status: .interrupted)
    }

    /// True when both sides' answers were recorded.
    var isAnswered: Bool { answers.a != nil && answers.b != nil }
}
