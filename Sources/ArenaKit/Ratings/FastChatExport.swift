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
    /// FastChat's `turn`: `len(conversation_a) // 2`.
    public var turn: Int
    /// Whether the battle was blind.
    public var anonymous: Bool
    /// The language of the conversation's first prompt, by FastChat's names ("English",
    /// "Chinese", …, "unknown"); see `LanguageDetector`.
    public var language: String
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
        case language
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
        language: String,
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
        self.language = language
        self.timestamp = timestamp
    }

    /// The record for `battle`. Without a question id one is derived from the battle (models,
    /// timestamp and position), so it is stable for the same input. `turn` is FastChat's
    /// `len(conversation_a) // 2`, and `language` that of side A's first prompt.
    public init(_ battle: Battle, index: Int = 0, judge: String = "arena_local_user") {
        let timestamp = battle.timestamp.timeIntervalSince1970
        let firstPrompt = battle.conversationA.first { $0.role == .user }?.content
        self.init(
            questionID: battle.questionID ?? FastChatExport.derivedQuestionID(for: battle, index: index),
            modelA: battle.modelA,
            modelB: battle.modelB,
            winner: battle.outcome.fastChatWinner,
            judge: judge,
            conversationA: battle.conversationA.map { Message(role: $0.role.rawValue, content: $0.content) },
            conversationB: battle.conversationB.map { Message(role: $0.role.rawValue, content: $0.content) },
            turn: battle.conversationA.count / 2,
            anonymous: battle.anonymous,
            language: firstPrompt.map(LanguageDetector.language(of:)) ?? LanguageDetector.unknown,
            timestamp: timestamp
        )
    }
}

/// Writes battles as FastChat battle records, compact JSON with sorted keys, in one of two
/// layouts (`FastChatExport.Layout`): a JSON array, which FastChat's `elo_analysis.py
/// --clean-battle-file` reads (`pandas.read_json(path)`), or JSON Lines. Every control
/// character in a string, C1 included, is written as a `\u` escape.
public enum FastChatExport {
    /// How the records are laid out in the file.
    public enum Layout: Sendable, Hashable {
        /// `[`, one record per line separated by commas, `]`: what FastChat's tools read.
        case jsonArray
        /// One record per line, nothing around them.
        case jsonLines

        /// JSON Lines for a path ending in `.jsonl`, otherwise (standard output included) an array.
        public init(path: String?) {
            self = path?.lowercased().hasSuffix(".jsonl") == true ? .jsonLines : .jsonArray
        }
    }

    /// One JSON line (without the newline) for `record`.
    public static func line(for record: FastChatBattleRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONControlEscaping.escape(String(decoding: try encoder.encode(record), as: UTF8.self))
    }

    /// The JSON Lines document for `battles`, in the order given; empty for no battles.
    /// Every battle is exported, named and anonymous alike (`anony` tells them apart), so
    /// FastChat's own filters apply.
    public static func jsonLines(for battles: [Battle], judge: String = "arena_local_user") throws -> String {
        try document(for: battles, layout: .jsonLines, judge: judge)
    }

    /// The whole document for `battles` in `layout`, in the order given.
    public static func document(for battles: [Battle], layout: Layout, judge: String = "arena_local_user") throws -> String {
        var text = ""
        var writer = FastChatExportWriter(layout: layout) { text += $0 }
        for battle in battles { try writer.append(battle, judge: judge) }
        try writer.finish()
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

/// Writes FastChat records one at a time to a sink, so an export never holds more than one
/// record in memory.
struct FastChatExportWriter {
    private let layout: FastChatExport.Layout
    private let sink: (String) throws -> Void
    /// Records written so far.
    private(set) var count = 0

    /// A writer handing each piece of the document to `sink`, in order.
    init(layout: FastChatExport.Layout, sink: @escaping (String) throws -> Void) {
        self.layout = layout
        self.sink = sink
    }

    /// Writes the record for `battle`.
    mutating func append(_ battle: Battle, judge: String = "arena_local_user") throws {
        let line = try FastChatExport.line(for: FastChatBattleRecord(battle, index: count, judge: judge))
        switch layout {
        case .jsonLines: try sink(line + "\n")
        case .jsonArray: try sink((count == 0 ? "[\n" : ",\n") + line)
        }
        count += 1
    }

    /// Ends the document (an array's closing bracket; `[]` for an empty array).
    func finish() throws {
        guard layout == .jsonArray else { return }
        try sink(count == 0 ? "[]\n" : "\n]\n")
    }
}
