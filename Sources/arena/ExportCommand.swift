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
        case markdown, html, fastchat
    }

    @Flag(help: "The format to write.")
    var format: Format

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write (default: standard output).", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The transcript (.jsonl); with --fastchat, a directory of transcripts.", valueName: "file"))
    var file: String

    func run() throws {
        let text: String
        switch format {
        case .fastchat:
            text = try fastChatLines()
        case .markdown:
            text = MarkdownTranscriptExporter.render(try loadTranscript(file))
        case .html:
            text = HTMLTranscriptExporter.render(try loadTranscript(file))
        }
        if let output {
            do {
                try PrivateFile.write(text, to: output)
            } catch {
                throw CLIFailure(error.description)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Every vote in the transcripts of a directory, as FastChat battle records.
    private func fastChatLines() throws -> String {
        do {
            let report = try LeaderboardReport.make(directory: file, includeNamed: true, bootstrapRounds: 1)
            for note in report.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
            return try FastChatExport.jsonLines(for: report.battles)
        } catch let error as CommandError {
            throw CLIFailure(error.description)
        }
    }
}
