import Foundation
import Testing
@testable import ArenaKit

/// Issue 11: a FIFO, `/dev/null` or `/dev/zero` given as a transcript, a script or an MMLU CSV
/// is named for what it is, never read (a FIFO blocks; `/dev/zero` never ends).
@Suite struct NonRegularFileTests {
    @Test func transcriptsAndScriptsSayWhatTheFileIs() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: TranscriptLoadError.unreadable(path: fifo, reason: "is a FIFO (named pipe), not a regular file")) {
            try TranscriptReader.load(path: fifo)
        }
        #expect(throws: TranscriptLoadError.unreadable(path: "/dev/zero", reason: "is a character device, not a regular file")) {
            try TranscriptReader.load(path: "/dev/zero")
        }
        do {
            _ = try ScriptParser.parse(contentsOf: fifo)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("is a FIFO (named pipe), not a regular file"), "\(error)")
        }
    }

    @Test func anMMLUFileLinkedToADeviceIsRefused() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/test", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/test/anatomy_test.csv", withDestinationPath: "/dev/zero")
        do {
            _ = try MMLUDirectoryLoader.loadQuestions(dataDirectory: directory)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("is a character device, not a regular file"), "\(error)")
        }
    }
}
