import ArenaKit
import ArgumentParser
import Foundation

/// `arena export --markdown|--html FILE`: a transcript as a shareable document.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a transcript as Markdown or as a self-contained HTML page."
    )

    enum Format: String, EnumerableFlag {
        case markdown, html
    }

    @Flag(help: "The format to write.")
    var format: Format

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write (default: standard output).", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The transcript (.jsonl).", valueName: "file"))
    var file: String

    func run() throws {
        let loaded = try loadTranscript(file)
        let text = format == .markdown ? MarkdownTranscriptExporter.render(loaded) : HTMLTranscriptExporter.render(loaded)
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIFailure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
