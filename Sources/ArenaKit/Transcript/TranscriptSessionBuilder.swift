import Foundation

/// Replays a transcript's events onto an ``ArenaState`` with the core's own operations, so the
/// rebuilt session follows the same rules as the live one.
struct TranscriptSessionBuilder {
    let file: String
    var header: TranscriptEvent.SessionStart?
    var startedAt: Date?
    var state: ArenaState
    var turns: [LoadedTurn] = []
    var votes: [TranscriptEvent.Vote] = []
    var grades: [TranscriptEvent.Grade] = []
    var reveals: [TranscriptEvent.Reveal] = []
    var judgeVerdicts: [TranscriptEvent.JudgeVerdict] = []
    var notes: [TranscriptEvent.Note] = []
    var identities = SidePair<TranscriptEvent.ModelIdentity?>(both: nil)
    var warnings: [TranscriptWarning] = []

    /// The index in `turns` of the turn asked but not yet added to `state`.
    private var pending: Int?
    /// For each side, the index in `turns` of the last turn in its current history.
    private var lastInHistory = SidePair<Int?>(both: nil)
    private var resetSinceLastTurn = SidePair(both: false)
    private var swappedSinceLastTurn = false
    /// Turn number to index in `turns` (the latest turn with that number).
    private var turnIndex: [Int: Int] = [:]

    init(file: String) {
        self.file = file
        state = ArenaState(a: Conversation(model: Self.placeholder(.a)), b: Conversation(model: Self.placeholder(.b)))
    }

    static func placeholder(_ side: Side) -> ModelDescriptor {
        ModelDescriptor(name: "unknown-\(side.rawValue)", provider: .builtIn, origin: .file, problem: "the transcript names no model for side \(side.label)")
    }

    mutating func apply(_ record: TranscriptRecord) {
        switch record.event {
        case .session(let start):
            if header == nil {
                header = start
                startedAt = record.time
            }
        case .model(let identity):
            closePendingTurn()
            let side = identity.side
            if identities[side] != nil, state[side].model.name != identity.name {
                resetSinceLastTurn[side] = true
                lastInHistory[side] = nil
            }
            identities[side] = identity
            state.setModel(identity.descriptor, on: side)
        case .settings(let change):
            closePendingTurn()
            state[change.side].settings = change.applied(to: state[change.side].settings)
        case .systemPrompt(let change):
            closePendingTurn()
            state[change.side].settings.systemPrompt = change.text
        case .user(let user):
            closePendingTurn()
            turns.append(LoadedTurn(
                number: user.turn,
                prompt: user.prompt,
                mmlu: user.mmlu,
                askedAt: record.time,
                models: SidePair(a: state.a.model, b: state.b.model),
                settings: SidePair(a: state.a.settings, b: state.b.settings),
                answers: SidePair(both: nil),
                historyResetBefore: resetSinceLastTurn,
                swappedBefore: swappedSinceLastTurn,
                votes: [],
                grades: []
            ))
            resetSinceLastTurn = SidePair(both: false)
            swappedSinceLastTurn = false
            pending = turns.count - 1
            turnIndex[user.turn] = turns.count - 1
        case .answer(let answer):
            applyAnswer(answer, line: record.line ?? 0)
        case .grade(let grade):
            grades.append(grade)
            if let index = turnIndex[grade.turn] { turns[index].grades.append(grade) }
        case .vote(let vote):
            votes.append(vote)
            if let index = turnIndex[vote.turn] { turns[index].votes.append(vote) }
        case .reveal(let reveal):
            reveals.append(reveal)
        case .judgeVerdict(let verdict):
            judgeVerdicts.append(verdict)
        case .note(let note):
            notes.append(note)
        case .swap:
            closePendingTurn()
            state.swapSides()
            swappedSinceLastTurn.toggle()
            lastInHistory = SidePair(a: lastInHistory.b, b: lastInHistory.a)
            resetSinceLastTurn = SidePair(a: resetSinceLastTurn.b, b: resetSinceLastTurn.a)
            identities = SidePair(a: identities.b.map { Self.moved($0, to: .a) }, b: identities.a.map { Self.moved($0, to: .b) })
        case .clear:
            closePendingTurn()
            state.clear()
            resetSinceLastTurn = SidePair(both: true)
            lastInHistory = SidePair(both: nil)
        }
    }

    private static func moved(_ identity: TranscriptEvent.ModelIdentity, to side: Side) -> TranscriptEvent.ModelIdentity {
        var identity = identity
        identity.side = side
        return identity
    }

    private mutating func applyAnswer(_ record: TranscriptEvent.AnswerRecord, line: Int) {
        guard let index = turnIndex[record.turn] else {
            warnings.append(.answerWithoutTurn(file: file, line: line, turn: record.turn))
            return
        }
        let side = record.side
        if turns[index].answers[side] != nil, record.adoptedFrom == nil { turns[index].retried[side] = true }
        turns[index].answers[side] = record
        if index == pending {
            if turns[index].isAnswered { closePendingTurn() }
        } else if lastInHistory[side] == index {
            // A retry or an adopted answer for the last turn of that side's history.
            state[side].replaceLastAnswer(with: record.answer)
        } else if lastInHistory[side] == nil, index == turns.count - 1, state[side].turns.isEmpty {
            // A retry on a side that started afresh after a model change: its first turn,
            // as in the live session (`Conversation.recordRetry`).
            state[side].recordRetry(of: turns[index].prompt, answer: record.answer)
            lastInHistory[side] = index
        }
    }

    /// Adds the pending turn to both histories; a side whose answer never came gets an empty
    /// interrupted answer, with a warning.
    private mutating func closePendingTurn() {
        guard let index = pending else { return }
        pending = nil
        let turn = turns[index]
        for side in Side.allCases where turn.answers[side] == nil {
            warnings.append(.unansweredTurn(file: file, turn: turn.number, side: side))
        }
        state.appendTurn(prompt: turn.prompt, answers: SidePair(a: turn.answer(.a), b: turn.answer(.b)))
        lastInHistory = SidePair(both: index)
    }

    mutating func finish() {
        closePendingTurn()
        for side in Side.allCases where identities[side] == nil {
            warnings.append(.missingModel(file: file, side: side))
        }
    }
}
