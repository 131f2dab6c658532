import Foundation
import Testing

@testable import ArenaKit

/// Model names come from transcripts, which may be someone else's: no output format may carry
/// a raw control character.
@Suite("Leaderboard output is sanitized")
struct LeaderboardSanitizingTests {
    static let hostile = "evil\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}2J\u{85}x\u{7F}\u{202E}\r\nname"

    private func board() throws -> Leaderboard {
        var generator = RatingsTestGenerator(seed: 5)
        return try Leaderboard.compute(
            from: [battle(Self.hostile, "plain", .aWins), battle("plain", Self.hostile, .tie)],
            options: LeaderboardOptions(bootstrapRounds: 20),
            using: &generator)
    }

    /// The bytes of `text` that are C0 controls other than LF (and CR when `allowCR`), DEL,
    /// or the UTF-8 of a C1 control (C2 80 – C2 9F).
    private func controlBytes(_ text: String, allowCR: Bool = false) -> [UInt8] {
        let bytes = Array(text.utf8)
        var found: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20, byte != 0x0A, !(allowCR && byte == 0x0D) { found.append(byte) }
            if byte == 0x7F { found.append(byte) }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { found.append(bytes[index + 1]) }
        }
        return found
    }

    @Test("the text table and the win-rate matrix carry no control bytes")
    func text() throws {
        let leaderboard = try board()
        let text = LeaderboardTextRenderer().render(leaderboard) + "\n" + leaderboard.winRates.renderText()
        #expect(controlBytes(text).isEmpty)
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(text.contains("evil␛]52;c;cHduZWQ=␇<U+009B>2J<U+0085>x␡<U+202E>  name"))
    }

    @Test("CSV carries no control bytes besides its CRLF line ends")
    func csv() throws {
        let csv = LeaderboardCSV.render(try board())
        #expect(controlBytes(csv, allowCR: true).isEmpty)
        #expect(csv.components(separatedBy: "\r\n").count == 4)
    }

    @Test("JSON escapes every control character, C1 included, and still means the same")
    func json() throws {
        let json = try board().jsonString()
        #expect(controlBytes(json).isEmpty)
        #expect(!json.unicodeScalars.contains("\u{202E}"))
        #expect(json.contains("\\u009b") && json.contains("\\u0085") && json.contains("\\u007f") && json.contains("\\u202e"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let names = (object["rows"] as? [[String: Any]])?.compactMap { $0["model"] as? String }
        #expect(names?.contains(Self.hostile) == true)
    }

    @Test("FastChat records escape C1 controls too")
    func fastChat() throws {
        let record = Battle(
            modelA: Self.hostile, modelB: "plain", outcome: .aWins, anonymous: true, timestamp: Date(timeIntervalSince1970: 1),
            prompt: "hi\u{85}", answerA: "\u{9B}31m", answerB: "ok")
        let text = try FastChatExport.document(for: [record], layout: .jsonArray)
        #expect(controlBytes(text).isEmpty)
        let array = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.first?["model_a"] as? String == Self.hostile)
    }
}
