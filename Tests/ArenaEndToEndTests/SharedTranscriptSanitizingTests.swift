import Foundation
import Testing

/// A shared transcript whose model names carry control characters: `arena leaderboard` in every
/// format, and the FastChat export, print none of them raw.
@Suite struct SharedTranscriptSanitizingTests {
    static let hostileName = "evil\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}2J\u{85}\u{7F}\u{202E}x\r\ny"

    /// The offending bytes of `text`: C0 controls but LF (and CR when `allowCR`), DEL, and the
    /// UTF-8 of C1 controls (C2 80 – C2 9F).
    private func controlBytes(_ text: String, allowCR: Bool = false) -> [UInt8] {
        let bytes = Array(text.utf8)
        return bytes.indices.compactMap { index in
            let byte = bytes[index]
            if byte < 0x20, byte != 0x0A, !(allowCR && byte == 0x0D) { return byte }
            if byte == 0x7F { return byte }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return bytes[index + 1] }
            return nil
        }
    }

    @Test func noFormatCarriesARawControlCharacter() throws {
        let directory = ArenaBinary.temporaryHome()
        var transcript = SyntheticTranscript(start: 1_790_000_000)
        for index in 0..<12 {
            transcript.battle(Self.hostileName, "plain")
            transcript.ask("Say \u{1B}[2J hi", answers: ("\u{9B}31mred", "ok"))
            transcript.vote(index % 3 == 0 ? "b" : "a", anonymous: true, modelA: Self.hostileName, modelB: "plain")
        }
        try transcript.write(to: directory + "/shared.jsonl")

        let text = try ArenaBinary.runPiped(["leaderboard", directory], input: "")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(controlBytes(text.stdout).isEmpty, "\(controlBytes(text.stdout))")
        #expect(text.stdout.contains("evil␛]52"))

        let csv = try ArenaBinary.runPiped(["leaderboard", directory, "--csv"], input: "")
        #expect(controlBytes(csv.stdout, allowCR: true).isEmpty)
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 4)

        let json = try ArenaBinary.runPiped(["leaderboard", directory, "--json"], input: "")
        #expect(controlBytes(json.stdout).isEmpty)
        #expect(!json.stdout.unicodeScalars.contains("\u{202E}"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let names = (object["rows"] as? [[String: Any]])?.compactMap { $0["model"] as? String } ?? []
        #expect(names.contains(Self.hostileName))

        let export = try ArenaBinary.runPiped(["export", "--fastchat", directory], input: "")
        #expect(controlBytes(export.stdout).isEmpty)
        let records = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 12 && records.allSatisfy { $0["model_a"] as? String == Self.hostileName })
    }
}
