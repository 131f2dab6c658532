import Foundation

/// One thing that happened in a session, as recorded on one line of a transcript.
///
/// The payload types are nested here so that they do not collide with the REPL's own types
/// (votes, grades, settings) elsewhere in ArenaKit.
public enum TranscriptEvent: Sendable, Hashable {
    /// The first line of every transcript: who wrote it and, when continuing, from what.
    case session(SessionStart)
    /// The model now on one side.
    case model(ModelIdentity)
    /// One side's sampling settings, as they are after a change.
    case settings(SettingsChange)
    /// One side's system prompt, as it is after a change.
    case systemPrompt(SystemPromptChange)
    /// A prompt asked of both sides.
    case user(UserTurn)
    /// One side's final answer to a turn (a later answer for the same turn and side replaces it).
    case answer(AnswerRecord)
    /// An MMLU answer graded right or wrong.
    case grade(Grade)
    /// The person's verdict on a turn.
    case vote(Vote)
    /// The names behind "Model A" and "Model B" of a blind battle, once shown.
    case reveal(Reveal)
    /// A judge model's verdict on a turn (never mixed with the person's votes).
    case judgeVerdict(JudgeVerdict)
    /// The two sides exchanged models, settings and histories.
    case swap
    /// Both histories were forgotten; models and settings stayed.
    case clear
    /// Free text worth keeping (a command's outcome, a remark).
    case note(Note)

    /// The `"type"` written on the event's line.
    var typeName: String {
        switch self {
        case .session: return TypeName.session
        case .model: return TypeName.model
        case .settings: return TypeName.settings
        case .systemPrompt: return TypeName.systemPrompt
        case .user: return TypeName.user
        case .answer: return TypeName.answer
        case .grade: return TypeName.grade
        case .vote: return TypeName.vote
        case .reveal: return TypeName.reveal
        case .judgeVerdict: return TypeName.judgeVerdict
        case .swap: return TypeName.swap
        case .clear: return TypeName.clear
        case .note: return TypeName.note
        }
    }

    /// The `"type"` strings of version 1.
    enum TypeName {
        static let session = "session"
        static let model = "model"
        static let settings = "settings"
        static let systemPrompt = "system_prompt"
        static let user = "user"
        static let answer = "answer"
        static let grade = "grade"
        static let vote = "vote"
        static let reveal = "reveal"
        static let judgeVerdict = "judge_verdict"
        static let swap = "swap"
        static let clear = "clear"
        static let note = "note"
    }
}

/// One line of a transcript: an event, when it happened, and where it was read from.
public struct TranscriptRecord: Sendable, Hashable {
    public var event: TranscriptEvent
    /// When the event happened; `nil` only for hand-written lines without `"ts"`.
    public var time: Date?
    /// The schema version the line was written with.
    var schemaVersion: Int
    /// The 1-based line number it was read from; `nil` for records not read from a file.
    public var line: Int?

    public init(event: TranscriptEvent, time: Date? = Date(), schemaVersion: Int = TranscriptSchema.version, line: Int? = nil) {
        self.event = event
        self.time = time
        self.schemaVersion = schemaVersion
        self.line = line
    }
}
