import Foundation
import Testing
@testable import ArenaKit

@Suite("Transcript writer")
struct TranscriptWriterTests {
    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("new transcripts are 0600 in a 0700 directory, named by time")
    func permissionsAndName() throws {
        let root = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = (root as NSString).appendingPathComponent("data/arena/transcripts")
        let writer = try TranscriptWriter.create(in: directory, startedAt: TranscriptSamples.start)
        try writer.record(.session(.init(arenaVersion: "1")))
        try writer.close()

        #expect(try permissions(writer.path) == 0o600)
        #expect(try permissions(directory) == 0o700)
        #expect(try permissions((root as NSString).appendingPathComponent("data")) == 0o700)
        let name = (writer.path as NSString).lastPathComponent
        #expect(name.wholeMatch(of: /2026-11-25T15-31-59Z-[0-9a-f]{4}\.jsonl/) != nil, "\(name)")
    }

    @Test("two transcripts started in the same second get different names")
    func uniqueNames() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writers = try (0..<20).map { _ in try TranscriptWriter.create(in: directory, startedAt: TranscriptSamples.start) }
        #expect(Set(writers.map(\.path)).count == 20)
    }

    @Test("the writer never overwrites and refuses to record once closed")
    func noOverwriteAndClosed() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("t.jsonl")
        let writer = try TranscriptWriter(creatingAt: path)
        try writer.record(.clear, at: TranscriptSamples.start)
        try writer.sync()
        #expect(throws: TranscriptWriteError.self) { try TranscriptWriter(creatingAt: path) }
        try writer.close()
        try writer.close()
        #expect(throws: TranscriptWriteError.closed(path: path)) { try writer.record(.swap) }
        #expect(throws: TranscriptWriteError.closed(path: path)) { try writer.sync() }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == #"{"type":"clear","v":1,"ts":"2026-11-25T15:31:59.000Z"}"# + "\n")
    }

    @Test("each recorded event is in the file at once, before sync or close")
    func writtenImmediately() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try TranscriptWriter.create(in: directory)
        let records = TranscriptSamples.records()
        for (count, record) in records.enumerated() {
            try writer.record(record)
            let (loaded, warnings) = try TranscriptReader.records(path: writer.path)
            #expect(loaded.count == count + 1)
            #expect(warnings.isEmpty)
        }
    }

    @Test("save writes a complete 0600 transcript, replacing the target")
    func save() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Issue 16: /save into a folder that does not exist reports it (no longer creates it).
        #expect(throws: PrivateFile.WriteError.self) {
            try TranscriptWriter.save(TranscriptSamples.records(), to: (directory as NSString).appendingPathComponent("missing/session.jsonl"))
        }
        try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent("saved"), withIntermediateDirectories: false)
        let path = (directory as NSString).appendingPathComponent("saved/session.jsonl")
        try TranscriptWriter.save(TranscriptSamples.records(), to: path)
        try TranscriptWriter.save(TranscriptSamples.records(), to: path)
        #expect(try permissions(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["session.jsonl"])
        let (records, _) = try TranscriptReader.records(path: path)
        #expect(records.map(\.event) == TranscriptSamples.everyEvent)
    }

    @Test("the default directory follows XDG_DATA_HOME, else ~/.local/share")
    func defaultDirectory() {
        #expect(TranscriptDirectory.defaultPath(environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]) == "/xdg/arena/transcripts")
        #expect(TranscriptDirectory.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/share/arena/transcripts")
        #expect(TranscriptDirectory.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/arena/transcripts")
    }

    @Test("non-finite timings are left out instead of failing the record")
    func nonFiniteNumbers() throws {
        var answer = TranscriptSamples.answerA
        answer.duration = .nan
        answer.timeToFirstToken = .infinity
        let line = try TranscriptLineCoder().encodeLine(TranscriptRecord(event: .answer(.init(turn: 1, side: .a, answer: answer))))
        let text = String(decoding: line, as: UTF8.self)
        #expect(!text.contains("duration_s"))
        #expect(!text.contains("ttft_s"))
    }
}
