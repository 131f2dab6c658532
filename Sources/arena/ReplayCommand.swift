import ArenaKit
import ArgumentParser
import Foundation

/// `arena replay FILE|DIR`: a transcript's questions asked again against other models.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Ask a transcript's questions again against other models, recording a new transcript.",
        usage: "arena replay [<options>] [--against <a|b>] <file-or-dir>",
        discussion: """
            Every user turn is re-asked in order with the settings and system prompts recorded for it. \
            With --against a|b, that side keeps its recorded answers as a column and only the other \
            side is asked: name one model. Given a directory, every .jsonl transcript in it is replayed.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The new models: A and B (or one, with --against).", valueName: "model"))
    var models: [String] = []

    @Option(name: .long, help: ArgumentHelp("Keep this recorded side as a column.", valueName: "a|b"))
    var against: Side?

    @Option(name: .long, help: ArgumentHelp("Transcripts replayed at once, for a directory.", valueName: "n"))
    var parallel = 2

    @Flag(name: .long, help: "Print the results as one JSON document (docs/json-output.md).")
    var json = false

    @Argument(help: ArgumentHelp("A transcript, or a directory of them.", valueName: "file-or-dir"))
    var path: String

    func run() async throws {
        var setup = try common.setup()
        let report = json ? JSONReport(preparing: &setup) : nil
        let replay = TranscriptReplay(setup: setup, models: models, keep: against)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIFailure("\(path): no such file or directory")
        }
        if isDirectory.boolValue {
            try await replayDirectory(replay)
            return
        }
        let transcript = try loadTranscript(path)
        let session: ArenaSession
        do {
            session = try replay.makeSession(for: transcript)
        } catch {
            throw CLIFailure(error.description)
        }
        installInterruptHandler(session)
        let result = await session.replay(transcript)
        session.recorder?.close()
        let outcome = TranscriptReplay.Outcome(file: path, turns: result.turns, failures: result.failures, newTranscript: session.recorder?.path)
        FileHandle.standardError.write(Data((outcome.summary + "\n").utf8))
        if let report {
            print(report.document(["file": .string(path), "failures": .number(Double(result.failures)), "transcript": outcome.newTranscript.map(JSONValue.string) ?? .null]), terminator: "")
        }
        if result.failures > 0 || session.recorder?.hasFailed == true { throw ExitCode(1) }
    }

    private func replayDirectory(_ replay: TranscriptReplay) async throws {
        let outcomes: [TranscriptReplay.Outcome]
        do {
            outcomes = try await replay.replayDirectory(path, parallel: parallel) { [json] outcome in json ? nil : outcome.summary }
        } catch {
            throw CLIFailure(error.description)
        }
        let failed = outcomes.filter { $0.problem != nil || $0.failures > 0 }.count
        if json {
            print(JSONReport.document(["directory": .string(path), "transcripts": .array(outcomes.map(\.json))]), terminator: "")
        } else {
            print("\(outcomes.count) transcript\(outcomes.count == 1 ? "" : "s") replayed, \(failed) with problems")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

extension Side: ExpressibleByArgument {}
