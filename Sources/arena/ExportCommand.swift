import ArenaKit
import ArgumentParser
import Foundation

/// `arena export --markdown|--html FILE`: a transcript as a shareable document.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a transcript as Markdown or a self-contained HTML page, or a directory's votes as FastChat battles."
    )

    enum Format: String, EnumerableFlag {
        case markdown, html, fastchat
    }

    @Flag(help: "The format to write.")
    var format: Format

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write (default: standard output). With --fastchat: a JSON array, or JSON Lines for a name ending in .jsonl.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The transcript (.jsonl); with --fastchat, a directory of transcripts.", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var file: String

    func run() throws {
        let text: String
        switch format {
        case .fastchat:
            try writeFastChat()
            return
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

    /// Every vote in the transcripts of a directory, as FastChat battle records: a JSON array
    /// (what FastChat's `elo_analysis.py` reads), or JSON Lines for an output ending in `.jsonl`.
    /// Written as it is made, to a temporary file renamed into place at the end.
    private func writeFastChat() throws {
        let file: PrivateFile?
        do {
            file = try output.map { path throws(PrivateFile.WriteError) in try PrivateFile(path: path) }
        } catch {
            throw CLIFailure(error.description)
        }
        var standardOutput: [UInt8] = []
        do {
            let result = try FastChatDirectoryExport.write(directory: self.file, layout: FastChatExport.Layout(path: output)) { text in
                if let file {
                    try file.write(text)
                } else {
                    standardOutput.append(contentsOf: text.utf8)
                    if standardOutput.count >= 1 << 20 { try FileHandle.standardOutput.write(contentsOf: standardOutput); standardOutput.removeAll(keepingCapacity: true) }
                }
            }
            try FileHandle.standardOutput.write(contentsOf: standardOutput)
            try file?.commit()
            for note in result.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        } catch {
            file?.discard()
            throw CLIFailure("\(error)")
        }
    }
}
