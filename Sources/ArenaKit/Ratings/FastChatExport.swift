import Foundation

/// One battle in the shape FastChat's leaderboard tooling reads (the records that
/// `clean_battle_data.py` writes and `elo_analysis.py` consumes).
public struct FastChatBattleRecord: Sendable, Hashable, Codable {
    /// A message of `conversation_a` / `conversation_b`: `{"role": ..., "content": ...}`.
    public struct Message: Sendable, Hashable, Codable {
        /// "user" or "assistant".
        public var role: String
        /// The message text.
        public var content: String

        /// Creates a message.
        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    /// An identifier of the conversation (FastChat uses the conversation id).
    public var questionID: String
    /// The model on side A.
    public var modelA: String
    /// The model on side B.
    public var modelB: String
    /// `model_a`, `model_b`, `tie` or `tie (bothbad)`.
    public var winner: String
    /// Who judged; arena's votes are always the local user.
    public var judge: String
    /// Side A's conversation up to the vote.
    public var conversationA: [Message]
    /// Side B's conversation up to the vote.
    public var conversationB: [Message]
    /// The number of user turns in the conversation (FastChat's `turn`).
    public var turn: Int
    /// Whether the battle was blind.
    public var anonymous: Bool
    /// When the vote was cast, in Unix seconds.
    public var timestamp: Double

    enum CodingKeys: String, CodingKey {
        case questionID = "question_id"
        case modelA = "model_a"
        case modelB = "model_b"
        case winner
        case judge
        case conversationA = "conversation_a"
        case conversationB = "conversation_b"
        case turn
        case anonymous = "anony"
        case timestamp = "tstamp"
    }

    /// Creates a record from its fields.
    public init(
        questionID: String,
        modelA: String,
        modelB: String,
        winner: String,
        judge: String,
        conversationA: [Message],
        conversationB: [Message],
        turn: Int,
        anonymous: Bool,
        timestamp: Double
    ) {
        self.questionID = questionID
        self.modelA = modelA
        self.modelB = modelB
        self.winner = winner
        self.judge = judge
        self.conversationA = conversationA
        self.conversationB = conversationB
        self.turn = turn
        self.anonymous = anonymous
        self.timestamp = timestamp
    }

    /// The record for `battle`. Without a question id one is derived from the battle (models,
    /// timestamp and position), so it is stable for the same input; without a turn number the
    /// number of user messages in side A's conversation is used (at least 1).
    public init(_ battle: Battle, index: Int = 0, judge: String = "arena_local_user") {
        let timestamp = battle.timestamp.timeIntervalSince1970
        let userTurns = battle.conversationA.filter { $0.role == .user }.count
        self.init(
            questionID: battle.questionID ?? FastChatExport.derivedQuestionID(for: battle, index: index),
            modelA: battle.modelA,
            modelB: battle.modelB,
            winner: battle.outcome.fastChatWinner,
            judge: judge,
            conversationA: battle.conversationA.map { Message(role: $0.role.rawValue, content: $0.content) },
            conversationB: battle.conversationB.map { Message(role: $0.role.rawValue, content: $0.content) },
            turn: battle.turn ?? max(userTurns, 1),
            anonymous: battle.anonymous,
            timestamp: timestamp
        )
    }
}

/// Writes battles as FastChat battle records in JSON Lines: one compact JSON object per line,
/// keys sorted, each line ending in "\n". Load in Python with
/// `pandas.read_json(path, lines=True)` and pass the frame to FastChat's rating code.
public enum FastChatExport {
    /// One JSON line (without the newline) for `record`.
    public static func line(for record: FastChatBattleRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    /// The JSON Lines document for `battles`, in the order given; empty for no battles.
    /// Every battle is exported, named and anonymous alike (`anony` tells them apart), so
    /// FastChat's own filters apply.
    public static func jsonLines(for battles: [Battle], judge: String = "arena_local_user") throws -> String {
        var text = ""
        for (index, battle) in battles.enumerated() {
            text += try line(for: FastChatBattleRecord(battle, index: index, judge: judge))
            text += "\n"
        }
        return text
    }

    /// A deterministic id for a battle without one: 32 hex digits of an FNV-1a hash over the
    /// model names, the timestamp and the battle's position.
    static func derivedQuestionID(for battle: Battle, index: Int) -> String {
        let key = "\(battle.modelA)\u{0}\(battle.modelB)\u{0}\(battle.timestamp.timeIntervalSince1970)\u{0}\(index)"
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x84222325cbf29ce4
        for byte in key.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = second ^ (second >> 29)
        }
        return hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
