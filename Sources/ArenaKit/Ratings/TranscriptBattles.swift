import Foundation

/// The battles one transcript's votes describe, read in a single pass over its records.
///
/// The rules (docs/ratings.md, "Which battles count"):
/// - **One vote per turn.** A later `/vote` on the same turn replaces the earlier one; the
///   battle takes the last vote's verdict, anonymity and time, at the last vote's position.
/// - **Conversations are the two models' own.** A battle's `conversationA` / `conversationB`
///   are the turns the two models had in that conversation, from the last `/clear` or model
///   change on that side up to the voted turn (swaps carry a history to the other side), never
///   other models' answers or turns before a reset.
/// - **Time** is when the vote was cast (the vote event's time), else when the turn was asked.
///
/// The work is linear in the records plus, when conversations are asked for, the size of the
/// conversations produced.
enum TranscriptBattles {
    /// The battles of `transcript` in the order of their (last) votes. Without
    /// `withConversations` the battles carry no conversation, which is all a leaderboard needs.
    static func battles(in transcript: LoadedTranscript, withConversations: Bool) -> [Battle] {
        var battles: [Battle] = []
        forEach(in: transcript, withConversations: withConversations) { battles.append($0) }
        return battles
    }

    /// Calls `body` with each battle of `transcript`, in the order of their (last) votes, so an
    /// export can write each one out before the next is built.
    static func forEach(
        in transcript: LoadedTranscript,
        withConversations: Bool,
        _ body: (Battle) throws -> Void
    ) rethrows {
        let walk = HistoryWalk(transcript)
        let fileName = (transcript.file as NSString).lastPathComponent
        for cast in walk.votes where walk.latestVote[cast.key] == cast.recordIndex {
            let vote = cast.vote
            var battle = Battle(
                modelA: vote.modelA, modelB: vote.modelB, outcome: BattleOutcome(vote.verdict),
                anonymous: vote.anonymous,
                timestamp: cast.time ?? cast.turnIndex.flatMap { transcript.turns[$0].askedAt } ?? transcript.startedAt
                    ?? Date(timeIntervalSince1970: 0),
                questionID: "\(fileName)#\(vote.turn)", turn: vote.turn)
            if withConversations, let turnIndex = cast.turnIndex {
                var heads = walk.headsAfterTurn[turnIndex]
                let turn = transcript.turns[turnIndex]
                if vote.modelA != vote.modelB, vote.modelA == turn.models.b.name, vote.modelB == turn.models.a.name {
                    heads = SidePair(a: heads.b, b: heads.a)  // swapped between the turn and the vote
                }
                battle.conversationA = walk.conversation(endingAt: heads.a, in: transcript)
                battle.conversationB = walk.conversation(endingAt: heads.b, in: transcript)
            }
            try body(battle)
        }
    }
}

extension BattleOutcome {
    /// The outcome a transcript verdict stands for.
    init(_ verdict: TranscriptEvent.Verdict) {
        switch verdict {
        case .a: self = .aWins
        case .b: self = .bWins
        case .tie: self = .tie
        case .bad: self = .bothBad
        }
    }
}

/// One pass over a transcript's records: every vote with its time and turn, the last vote for
/// each turn, and each side's history as a chain of turns, so any turn's conversation can be
/// read back in time proportional to its length.
private struct HistoryWalk {
    /// Which turn a vote is about: a turn in `LoadedTranscript.turns`, or a turn number that
    /// was never asked in this file.
    enum VoteKey: Hashable {
        case turn(Int)
        case unknownTurn(Int)
    }

    struct CastVote {
        var recordIndex: Int
        var vote: TranscriptEvent.Vote
        var time: Date?
        var turnIndex: Int?
        var key: VoteKey
    }

    /// One turn of one side's history: the turn, the side its answer was on, and the entry
    /// before it in the same history.
    struct Entry {
        var turnIndex: Int
        var side: Side
        var previous: Int?
    }

    private(set) var votes: [CastVote] = []
    private(set) var latestVote: [VoteKey: Int] = [:]
    /// For each turn, the last entry of each side's history once that turn was added.
    private(set) var headsAfterTurn: [SidePair<Int?>] = []
    private var entries: [Entry] = []

    init(_ transcript: LoadedTranscript) {
        var turnIndexByNumber: [Int: Int] = [:]
        var heads = SidePair<Int?>(both: nil)
        for (recordIndex, record) in transcript.records.enumerated() {
            switch record.event {
            case .user(let user):
                let turnIndex = headsAfterTurn.count
                guard turnIndex < transcript.turns.count else { continue }
                let turn = transcript.turns[turnIndex]
                turnIndexByNumber[user.turn] = turnIndex
                if turn.swappedBefore { heads = SidePair(a: heads.b, b: heads.a) }
                for side in Side.allCases {
                    if turn.historyResetBefore[side] { heads[side] = nil }
                    entries.append(Entry(turnIndex: turnIndex, side: side, previous: heads[side]))
                    heads[side] = entries.count - 1
                }
                headsAfterTurn.append(heads)
            case .vote(let vote):
                let turnIndex = turnIndexByNumber[vote.turn]
                let key = turnIndex.map(VoteKey.turn) ?? .unknownTurn(vote.turn)
                votes.append(CastVote(recordIndex: recordIndex, vote: vote, time: record.time, turnIndex: turnIndex, key: key))
                latestVote[key] = recordIndex
            default:
                continue
            }
        }
    }

    /// The messages of the history ending at `head`, oldest first.
    func conversation(endingAt head: Int?, in transcript: LoadedTranscript) -> [BattleMessage] {
        var chain: [Entry] = []
        var cursor = head
        while let index = cursor {
            chain.append(entries[index])
            cursor = entries[index].previous
        }
        var messages: [BattleMessage] = []
        messages.reserveCapacity(chain.count * 2)
        for entry in chain.reversed() {
            let turn = transcript.turns[entry.turnIndex]
            messages.append(BattleMessage(role: .user, content: turn.prompt))
            messages.append(BattleMessage(role: .assistant, content: turn.answer(entry.side).text))
        }
        return messages
    }
}
