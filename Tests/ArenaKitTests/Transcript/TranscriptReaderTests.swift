import Foundation
import Testing
@testable import ArenaKit

@Suite("Transcript reader")
struct TranscriptReaderTests {
    @Test("a file cut at every byte offset of its last line loads everything before it")
    func cutLastLine() throws {
        let records = TranscriptSamples.records()
        let full = try TranscriptSamples.text(records)
        let withoutLast = try TranscriptSamples.text(Array(records.dropLast()))
        let lastLineStart = withoutLast.count
        #expect(full.count > lastLineStart + 10)

        for cut in lastLineStart..<full.count {
            let (loaded, warnings) = try TranscriptReader.records(data: full.prefix(cut), file: "t.jsonl")
            if cut == lastLineStart {
                // Cut exactly at a line boundary: nothing shows that anything was lost.
                #expect(loaded.count == records.count - 1)
                #expect(warnings.isEmpty)
            } else if cut == full.count - 1 {
                // Only the newline is missing: the last event is whole.
                #expect(loaded.count == records.count)
                #expect(warnings.isEmpty)
            } else {
                #expect(loaded.map(\.event) == records.dropLast().map(\.event), "cut at \(cut)")
                #expect(warnings == [.truncatedLastLine(file: "t.jsonl", line: records.count, byteCount: cut - lastLineStart)], "cut at \(cut)")
            }
            // Rebuilding the session from what loaded never traps.
            _ = LoadedTranscript(file: "t.jsonl", records: loaded, readWarnings: warnings)
        }
    }

    @Test("a file cut mid-answer loads through the path API with the completed turns")
    func cutFileOnDisk() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("cut.jsonl")
        let state = sampleTranscriptState(turns: 3)
        var data = try TranscriptSamples.text(TranscriptEvent.snapshot(of: state, arenaVersion: "1").map { TranscriptRecord(event: $0) })
        data.append(contentsOf: Array(#"{"type":"user","v":1,"turn":4,"prompt":"And "#.utf8))
        try data.write(to: URL(fileURLWithPath: path))
        let (transcript, warnings) = try TranscriptReader.load(path: path)
        #expect(transcript.turns.count == 3)
        #expect(transcript.state == state)
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("\(path):\(data.split(separator: 0x0A).count):") == true)
    }

    @Test("a malformed line before the last is an error naming file:line")
    func malformedMiddleLine() throws {
        var lines = try TranscriptSamples.text(TranscriptSamples.records()).split(separator: 0x0A).map { Data($0) }
        lines[2] = Data(#"{"type":"settings","v":1,"side":"#.utf8)
        let data = Data(lines.joined(separator: [0x0A])) + [0x0A]
        #expect(throws: TranscriptLoadError.malformedLine(file: "s.jsonl", line: 3, reason: "not valid JSON")) {
            try TranscriptReader.records(data: data, file: "s.jsonl")
        }
        do {
            _ = try TranscriptReader.records(data: data, file: "s.jsonl")
        } catch {
            #expect(String(describing: error).hasPrefix("s.jsonl:3: "))
        }
    }

    @Test("a middle line missing a required field or with a bad value names the field")
    func missingField() throws {
        let text = """
        {"type":"session","v":1,"arena_version":"1"}
        {"type":"user","v":1,"prompt":"hi"}
        {"type":"model","v":1,"side":"c","name":"x","provider":"openai"}
        {"type":"note","v":1,"text":"end"}

        """
        do {
            _ = try TranscriptReader.records(data: Data(text.utf8), file: "f.jsonl")
            Issue.record("expected an error")
        } catch let TranscriptLoadError.malformedLine(file, line, reason) {
            #expect(file == "f.jsonl")
            #expect(line == 2)
            #expect(reason.contains("turn"))
        }
        let badSide = text.replacingOccurrences(of: #"{"type":"user","v":1,"prompt":"hi"}"#, with: #"{"type":"user","v":1,"turn":1,"prompt":"hi"}"#)
        do {
            _ = try TranscriptReader.records(data: Data(badSide.utf8), file: "f.jsonl")
            Issue.record("expected an error")
        } catch let TranscriptLoadError.malformedLine(_, line, reason) {
            #expect(line == 3)
            #expect(reason.contains("side"))
        }
    }

    @Test("unknown fields, unknown event types and newer versions are tolerated")
    func forwardCompatible() throws {
        let text = """
        {"type":"session","v":1,"ts":"2026-11-25T15:31:59.000Z","arena_version":"9.0","hostname":"box"}
        {"type":"model","v":1,"side":"a","name":"m1","provider":"openai","colour":"red"}
        {"type":"hologram","v":2,"shape":"cube"}
        {"type":"model","v":2,"side":"b","name":"m2","provider":"google-vertex","future":{"nested":[1,2]}}
        {"type":"user","v":1,"turn":1,"prompt":"hi","lang":"en"}
        {"type":"answer","v":1,"turn":1,"side":"a","text":"hello","status":"done","sparkle":true}
        {"type":"answer","v":1,"turn":1,"side":"b","text":"hey","status":"pondering"}
        {"type":"hologram","v":2}
        {"type":"telemetry","v":2}
        """
        let (transcript, warnings) = try TranscriptReader.load(data: Data(text.utf8), file: "new.jsonl")
        #expect(transcript.records.count == 6)
        #expect(transcript.header?.arenaVersion == "9.0")
        #expect(transcript.turns.count == 1)
        #expect(transcript.turns[0].answers.a?.answer.text == "hello")
        #expect(transcript.turns[0].answers.b?.answer.status == .incomplete)
        #expect(transcript.state.b.model.name == "m2")
        #expect(transcript.state.b.model.problem != nil)
        #expect(warnings.contains(.unknownEventTypes(file: "new.jsonl", types: ["hologram", "telemetry"])))
        #expect(warnings.contains(.newerSchema(file: "new.jsonl", line: 4, version: 2)))
        #expect(!warnings.contains { if case .truncatedLastLine = $0 { return true } else { return false } })
    }

    @Test("blank lines and CRLF line endings are accepted")
    func blankLinesAndCRLF() throws {
        let text = "{\"type\":\"session\",\"v\":1,\"arena_version\":\"1\"}\r\n\r\n   \n{\"type\":\"clear\",\"v\":1}\r\n"
        let (records, warnings) = try TranscriptReader.records(data: Data(text.utf8), file: "c.jsonl")
        #expect(records.map(\.event) == [.session(.init(arenaVersion: "1")), .clear])
        #expect(records.map(\.line) == [1, 4])
        #expect(warnings.isEmpty)
    }

    @Test("a file without a header loads with a warning; a missing file is an error")
    func headerAndMissingFile() throws {
        let (_, warnings) = try TranscriptReader.records(data: Data(#"{"type":"clear","v":1}"#.utf8), file: "h.jsonl")
        #expect(warnings == [.missingHeader(file: "h.jsonl")])
        #expect(throws: TranscriptLoadError.unreadable(path: "/nonexistent/x.jsonl", reason: "no such file")) {
            try TranscriptReader.load(path: "/nonexistent/x.jsonl")
        }
    }

    @Test("a directory loads its transcripts and reports the rest by name")
    func directory() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
        }
        let good = String(decoding: try TranscriptSamples.text(TranscriptSamples.records()), as: UTF8.self)
        try write("2026-01-01T00-00-00Z-aaaa.jsonl", good)
        try write("2026-01-02T00-00-00Z-bbbb.jsonl", good + #"{"type":"note","v":1,"te"#)
        try write("2026-01-03T00-00-00Z-cccc.jsonl", #"{"type":"session","v":1,"arena_version":"1"}"# + "\n{oops\n" + #"{"type":"clear","v":1}"# + "\n")
        try write("notes.txt", "hello")
        try write("battles.jsonl", #"{"model_a":"x","model_b":"y","winner":"tie"}"# + "\n")
        try write("empty.jsonl", "")
        try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent("sub.jsonl"), withIntermediateDirectories: false)

        let contents = try TranscriptReader.loadDirectory(directory)
        #expect(contents.transcripts.map { ($0.file as NSString).lastPathComponent } == ["2026-01-01T00-00-00Z-aaaa.jsonl", "2026-01-02T00-00-00Z-bbbb.jsonl"])
        #expect(contents.transcripts[1].warnings.contains { if case .truncatedLastLine = $0 { return true } else { return false } })
        #expect(contents.failures.count == 1)
        #expect(contents.failures.first?.description.contains("2026-01-03T00-00-00Z-cccc.jsonl:2:") == true)
        #expect(Set(contents.skipped.map { ($0.path as NSString).lastPathComponent }) == ["notes.txt", "battles.jsonl", "empty.jsonl"])
        #expect(throws: TranscriptLoadError.self) { try TranscriptReader.loadDirectory(directory + "/notes.txt") }
    }

    @Test("a 1,000-turn transcript loads completely")
    func thousandTurns() throws {
        let state = sampleTranscriptState(turns: 1000)
        let data = try TranscriptSamples.text(TranscriptEvent.snapshot(of: state, arenaVersion: "1").map { TranscriptRecord(event: $0) })
        let (transcript, warnings) = try TranscriptReader.load(data: data, file: "big.jsonl")
        #expect(warnings.isEmpty)
        #expect(transcript.turns.count == 1000)
        #expect(transcript.state == state)
    }
}

/// A session with `turns` turns of varied answers.
func sampleTranscriptState(turns: Int) -> ArenaState {
    var state = ArenaState(
        a: Conversation(model: TranscriptSamples.modelA, settings: GenerationSettings(temperature: 0.2, systemPrompt: "Be brief.")),
        b: Conversation(model: TranscriptSamples.modelB, settings: GenerationSettings(maxTokens: 100, stop: ["\n"]))
    )
    let paragraph = String(repeating: "Arena answers are compared side by side, line by line. ", count: 8)
    for number in 1...turns {
        var a = TranscriptSamples.answerA
        a.text = "Answer \(number): " + paragraph
        a.duration = Double(number) / 10
        var b = TranscriptSamples.answerB
        b.text = "B says \(number) \u{1F600} " + paragraph
        state.appendTurn(prompt: "Question number \(number)?", answers: SidePair(a: a, b: b))
    }
    return state
}
