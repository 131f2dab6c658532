import Foundation

/// How one battle between two models was judged.
///
/// `tie` and `bothBad` both count as half a win for each side in every rating; they differ
/// only in how they are exported (FastChat's `tie` and `tie (bothbad)`).
public enum BattleOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The model on side A won.
    case aWins
    /// The model on side B won.
    case bWins
    /// Both answers were judged equally good.
    case tie
    /// Both answers were judged bad; scored as a tie.
    case bothBad

    /// Side A's score: 1 for a win, 0 for a loss, ½ for either kind of tie.
    public var scoreA: Double {
        switch self {
        case .aWins: return 1
        case .bWins: return 0
        case .tie, .bothBad: return 0.5
        }
    }

    /// Whether the outcome counts as a tie (`tie` or `bothBad`).
    public var isTie: Bool { self == .tie || self == .bothBad }

    /// The value of FastChat's `winner` field: `model_a`, `model_b`, `tie` or `tie (bothbad)`.
    public var fastChatWinner: String {
        switch self {
        case .aWins: return "model_a"
        case .bWins: return "model_b"
        case .tie: return "tie"
        case .bothBad: return "tie (bothbad)"
        }
    }

    /// Reads FastChat's `winner` field; nil for anything else.
    public init?(fastChatWinner: String) {
        guard let match = Self.allCases.first(where: { $0.fastChatWinner == fastChatWinner }) else {
            return nil
        }
        self = match
    }
}

/// One message of a battle's conversation, kept only so the battle can be exported.
public struct BattleMessage: Sendable, Hashable, Codable {
    /// Who wrote a battle message. Only the two roles FastChat's battle records use.
    public enum Role: String, Sendable, Hashable, Codable {
        case user
        case assistant
    }

    /// Who wrote the message.
    public var role: Role
    /// The message text (untrusted model output for assistant messages).
    public var content: String

    /// Creates a message with the given role and text.
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// One judged comparison between two models: the unit every rating is computed from.
///
/// This type is deliberately independent of arena's conversation types; whoever reads the
/// transcripts builds `Battle` values from the votes recorded there.
public struct Battle: Sendable, Hashable, Codable {
    /// The model that answered on side A.
    public var modelA: String
    /// The model that answered on side B.
    public var modelB: String
    /// The verdict.
    public var outcome: BattleOutcome
    /// Whether the voter could not see the model names (a blind battle).
    public var anonymous: Bool
    /// When the vote was cast; battles are replayed in this order for online Elo.
    public var timestamp: Date
    /// A stable identifier for export (FastChat's `question_id`), if the transcript has one.
    public var questionID: String?
    /// The session-wide number of the turn the vote was cast on, if known (FastChat's `turn` is
    /// derived from the conversation instead: `len(conversation_a) // 2`).
    public var turn: Int?
    /// Side A's conversation up to the vote, for export only; may be empty.
    public var conversationA: [BattleMessage]
    /// Side B's conversation up to the vote, for export only; may be empty.
    public var conversationB: [BattleMessage]

    /// Creates a battle; the conversations are optional and only used by the FastChat export.
    public init(
        modelA: String,
        modelB: String,
        outcome: BattleOutcome,
        anonymous: Bool,
        timestamp: Date,
        questionID: String? = nil,
        turn: Int? = nil,
        conversationA: [BattleMessage] = [],
        conversationB: [BattleMessage] = []
    ) {
        self.modelA = modelA
        self.modelB = modelB
        self.outcome = outcome
        self.anonymous = anonymous
        self.timestamp = timestamp
        self.questionID = questionID
        self.turn = turn
        self.conversationA = conversationA
        self.conversationB = conversationB
    }

    /// Creates a single-turn battle whose conversations are one prompt and the two answers.
    public init(
        modelA: String,
        modelB: String,
        outcome: BattleOutcome,
        anonymous: Bool,
        timestamp: Date,
        prompt: String,
        answerA: String,
        answerB: String,
        questionID: String? = nil,
        turn: Int? = nil
    ) {
        self.init(
            modelA: modelA,
            modelB: modelB,
            outcome: outcome,
            anonymous: anonymous,
            timestamp: timestamp,
            questionID: questionID,
            turn: turn,
            conversationA: [.init(role: .user, content: prompt), .init(role: .assistant, content: answerA)],
            conversationB: [.init(role: .user, content: prompt), .init(role: .assistant, content: answerB)]
        )
    }

    /// Whether both sides are the same model; such battles carry no rating information and
    /// are ignored by every computation here.
    public var isSelfPlay: Bool { modelA == modelB }
}
