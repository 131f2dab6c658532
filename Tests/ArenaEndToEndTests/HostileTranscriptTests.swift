import Foundation
import Testing

/// Issue 11: a shared transcript is untrusted. Its model names, event types, text and even its
/// file name reach the terminal only as inert text, from `arena show`, `arena export` and
/// `arena replay DIR`.
@Suite struct HostileTranscriptTests {
    private let escape = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"

    private func hostileTranscript(in folder: String, named name: String) throws -> String {
        let e = escape.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        let lines = [
            #"{"type":"session","v":1,"ts":"2026-11-25T16:10:56.415Z","arena_version":"0.1.0"}"#,
            #"{"type":"model","v":1,"ts":"2026-11-25T16:10:56.415Z","name":"evil"# + e + #"","origin":"built-in","provider":"built-in","side":"a"}"#,
            #"{"type":"model","v":1,"ts":"2026-11-25T16:10:56.416Z","name":"scribe","origin":"built-in","provider":"built-in","side":"b"}"#,
            #"{"type":"user","v":1,"ts":"2026-11-25T16:10:56.418Z","prompt":"hi"# + e + #"","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T16:10:56.422Z","model":"evil"# + e + #"","side":"a","status":"done","text":"text"# + e + #"","turn":1}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T16:10:56.422Z","model":"scribe","side":"b","status":"done","text":"fine","turn":1}"#,
            #"{"type":"weird"# + e + #"","v":1,"ts":"2026-11-25T16:10:56.422Z"}"#,
            #"{"type":"answer","v":1,"ts":"2026-11-25T16:10:56.422Z","model":"scribe","side":"b","status":"done","text":"orphan","turn":9}"#,
        ]
        let path = (folder as NSString).appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func expectInert(_ text: String, _ what: String) {
        let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "\(what): \(controls.map { String($0.value, radix: 16) })")
    }

    @Test func showExportAndReplayPrintNoControlBytes() throws {
        let folder = ArenaBinary.temporaryHome()
        let file = try hostileTranscript(in: folder, named: "battle\u{1B}[31m.jsonl")
        let show = try ArenaBinary.runPiped(["show", file], input: "")
        expectInert(show.stdout, "show stdout")
        expectInert(show.stderr, "show stderr")
        #expect(show.stdout.contains("␛]0;pwned"), "\(show.stdout)")
        for format in ["--markdown", "--html"] {
            let export = try ArenaBinary.runPiped(["export", format, file], input: "")
            #expect(export.status == 0, "\(export.stderr)")
            expectInert(export.stdout, "export \(format)")
            expectInert(export.stderr, "export \(format) stderr")
        }
        let replay = try ArenaBinary.runPiped(["replay", folder, "--no-record"], input: "", extra: ["ARENA_PACE": "0"])
        expectInert(replay.stdout, "replay stdout")
        expectInert(replay.stderr, "replay stderr")
        #expect((replay.stdout + replay.stderr).contains("battle␛[31m.jsonl"), "\(replay.stdout)\(replay.stderr)")
    }
}

/// Issue 11: a session whose transcript could not be written says so once and exits non-zero,
/// in the REPL fed from a pipe and in `arena run`.
@Suite struct UnrecordedSessionTests {
    @Test func aTranscriptThatCannotBeWrittenMakesTheSessionFail() throws {
        let result = try ArenaBinary.runPiped(["--transcripts", "/dev/null/transcripts"], input: "hi\n", extra: ["ARENA_PACE": "0"])
        #expect(result.stdout.hasPrefix("── turn 1 ──\nQ: hi\nA: hi\n"))
        #expect(result.stderr.contains("transcript: "), "\(result.stderr)")
        #expect(result.stderr.contains("the session goes on unrecorded"))
        #expect(result.status == 1)
    }
}

/// Issue 11: writing to a device that fails (`/dev/full`) is reported and the command fails;
/// the device is written in place, never replaced by a file.
@Suite struct WriteFailureTests {
    @Test func savingAndExportingToAFullDeviceFailAndSaySo() throws {
        let session = try ArenaBinary.runPiped(["--no-record"], input: "hi\n/save /dev/full\n/export md /dev/full\n", extra: ["ARENA_PACE": "0"])
        #expect(session.status == 1)
        #expect(session.stderr.contains("stdin:2: /save: cannot write /dev/full: no space left on device"), "\(session.stderr)")
        #expect(session.stderr.contains("stdin:3: /export: cannot write /dev/full: no space left on device"), "\(session.stderr)")
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("transcripts/examples/capitals.jsonl").path
        for format in ["--markdown", "--html"] {
            let export = try ArenaBinary.runPiped(["export", format, example, "-o", "/dev/full"], input: "")
            #expect(export.status != 0)
            #expect(export.stderr.contains("cannot write /dev/full: no space left on device"), "\(export.stderr)")
        }
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }
}
