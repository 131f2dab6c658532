import Foundation
import Testing
@testable import ArenaKit

@Suite("Transcript events round-trip")
struct TranscriptRoundTripTests {
    @Test("every event type survives encoding and decoding")
    func everyEventType() throws {
        let coder = TranscriptLineCoder()
        let typeNames = Set(TranscriptSamples.everyEvent.map(\.typeName))
        #expect(typeNames == ["session", "model", "settings", "system_prompt", "user", "answer", "grade", "vote", "reveal", "swap", "clear", "note"])

        for (offset, record) in TranscriptSamples.records().enumerated() {
            let line = try coder.encodeLine(record)
            #expect(line.last == 0x0A)
            #expect(line.dropLast().contains(0x0A) == false, "one line per event")
            guard case .record(let decoded) = try coder.decodeLine(line.dropLast(), lineNumber: offset + 1) else {
                Issue.record("line \(offset + 1) decoded as unknown")
                continue
            }
            #expect(decoded.event == record.event)
            #expect(decoded.line == offset + 1)
            #expect(decoded.schemaVersion == TranscriptSchema.version)
            #expect(decoded.time == record.time)
        }
    }

    @Test("lines start with type, version and time and use snake_case keys")
    func lineLayout() throws {
        let record = TranscriptRecord(
            event: .answer(.init(turn: 2, side: .b, model: "m", answer: TranscriptSamples.answerA)),
            time: TranscriptSamples.start
        )
        let line = String(decoding: try TranscriptLineCoder().encodeLine(record), as: UTF8.self)
        #expect(line.hasPrefix(#"{"type":"answer","v":1,"ts":"2026-11-25T15:31:59.000Z","#))
        for key in ["\"finish_reason\":\"stop\"", "\"ttft_s\":0.25", "\"duration_s\":1.5", "\"input_tokens\":12", "\"reported_model\"", "\"status\":\"done\""] {
            #expect(line.contains(key), "missing \(key) in \(line)")
        }
        let swap = String(decoding: try TranscriptLineCoder().encodeLine(TranscriptRecord(event: .swap, time: TranscriptSamples.start)), as: UTF8.self)
        #expect(swap == #"{"type":"swap","v":1,"ts":"2026-11-25T15:31:59.000Z"}"# + "\n")
    }

    @Test("no key or secret-looking descriptor field is recorded")
    func modelIdentityHasNoProblemOrSummary() throws {
        var descriptor = TranscriptSamples.modelA
        descriptor.problem = "missing key AZURE_OPENAI_API_KEY"
        descriptor.summary = "summary"
        let line = String(decoding: try TranscriptLineCoder().encodeLine(TranscriptRecord(event: .model(.init(side: .a, descriptor: descriptor)))), as: UTF8.self)
        #expect(!line.contains("problem"))
        #expect(!line.contains("API_KEY"))
        #expect(!line.contains("summary"))
    }

    @Test("timestamps are written in UTC with milliseconds and read back")
    func timestamps() {
        let date = Date(timeIntervalSince1970: 1_795_620_719.25)
        #expect(TranscriptTimestamp.string(from: date) == "2026-11-25T15:31:59.250Z")
        #expect(TranscriptTimestamp.date(from: "2026-11-25T15:31:59.250Z") == date)
        #expect(TranscriptTimestamp.date(from: "2026-11-25T15:31:59Z") == Date(timeIntervalSince1970: 1_795_620_719))
        #expect(TranscriptTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(TranscriptTimestamp.date(from: "2000-02-29T23:59:59.999Z") == Date(timeIntervalSince1970: 951_868_799.999))
        #expect(TranscriptTimestamp.date(from: "2026-11-25T16:31:59+01:00") == Date(timeIntervalSince1970: 1_795_620_719))
        #expect(TranscriptTimestamp.date(from: "yesterday") == nil)
    }

    @Test("written and read through files, every event comes back in order")
    func throughFiles() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try TranscriptWriter.create(in: directory, startedAt: TranscriptSamples.start)
        for record in TranscriptSamples.records() {
            try writer.record(record)
        }
        try writer.sync()
        try writer.close()
        let (records, warnings) = try TranscriptReader.records(path: writer.path)
        #expect(warnings.isEmpty)
        #expect(records.map(\.event) == TranscriptSamples.everyEvent)
        #expect(records.map(\.line) == Array(1...TranscriptSamples.everyEvent.count))
    }
}
