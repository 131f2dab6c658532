import ArenaKit
import ArgumentParser
import Foundation

/// `arena show FILE`: prints a transcript as the two columns (or labelled text in a pipe).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a transcript as two columns on a terminal, or as labelled text in a pipe."
    )

    @Argument(help: ArgumentHelp("The transcript (.jsonl).", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var file: String

    func run() throws {
        let loaded = try loadTranscript(file)
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = TerminalDevice.isTerminal(1)
        let style = TerminalStyle.detect(environment: environment, isTerminal: isTerminal)
        let makeRenderer = Renderers.factory(stdoutIsTerminal: isTerminal && !TerminalStyle.isDumbTerminal(environment: environment), style: style)
        TranscriptPresenter.present(loaded, makeRenderer: makeRenderer) { prompt in
            let prefix = isTerminal ? style.apply(.bold, to: "arena> ") : "> "
            TerminalDevice.write(prefix + TextSanitizer.sanitize(prompt).replacingOccurrences(of: "\n", with: "\n" + (isTerminal ? "  ... " : "> ")) + "\n", to: 1)
        } writeNote: { note in
            let line = WordWrap.fitted(TextSanitizer.sanitizeLine(note), width: isTerminal ? TerminalDevice.size()?.columns : nil)
            TerminalDevice.write(style.apply(.dim, to: line) + "\n", to: 1)
        }
    }
}

/// Loads a transcript for a command, printing its warnings; an unreadable one is a clean error.
func loadTranscript(_ path: String) throws -> LoadedTranscript {
    do {
        let (transcript, warnings) = try TranscriptReader.load(path: path)
        for warning in warnings {
            FileHandle.standardError.write(Data(TextSanitizer.sanitizeLine("\(path): warning: \(warning)").utf8 + [0x0A]))
        }
        return transcript
    } catch {
        throw CLIFailure("\(error)")
    }
}
