import Foundation

/// Renders a transcript as Markdown for sharing: the setup, then turn by turn the prompt and
/// both answers under their model's heading with the measured metrics, votes and grades.
public enum MarkdownTranscriptExporter {
    /// The whole transcript as a Markdown document. Control characters from the transcript
    /// (a model's ESC, C1 or bidirectional overrides) become visible, inert stand-ins, so
    /// `cat` of the export cannot retitle the terminal, write the clipboard or switch screens.
    public static func render(_ transcript: LoadedTranscript) -> String {
        TextSanitizer.sanitize(document(transcript))
    }

    private static func document(_ transcript: LoadedTranscript) -> String {
        var out = "# arena transcript\n\n"
        let sessionLine = TranscriptExportText.sessionLine(transcript)
        if !sessionLine.isEmpty { out += sessionLine + "\n\n" }

        let firstTurn = transcript.turns.first
        out += "| Side | Model | Provider | Endpoint |\n|---|---|---|---|\n"
        for side in Side.allCases {
            let model = firstTurn?.models[side] ?? transcript.state[side].model
            out += "| \(side.label) | \(cell(model.name)) | \(model.provider.rawValue) | \(cell(model.endpointHost ?? "")) |\n"
        }
        if let turn = firstTurn {
            for side in Side.allCases {
                if let system = turn.settings[side].systemPrompt {
                    out += "\n**System prompt \(side.label):**\n\n" + quoted(system) + "\n"
                }
            }
        }
        out += "\n"

        for item in TranscriptExportText.items(of: transcript) {
            switch item {
            case .change(let text):
                out += "_\(inline(text))_\n\n"
            case .turn(let turn):
                out += render(turn)
            }
        }
        return out
    }

    private static func render(_ turn: LoadedTurn) -> String {
        var out = "## Turn \(turn.number)\n\n" + quoted(turn.prompt) + "\n"
        for side in Side.allCases {
            out += "### " + TranscriptExportText.heading(side: side, model: TranscriptExportText.modelName(turn, side)) + "\n\n"
            guard let record = turn.answers[side] else {
                out += "_No answer was recorded._\n\n"
                continue
            }
            if !record.answer.reasoning.isEmpty {
                out += "**Reasoning:**\n\n" + quoted(record.answer.reasoning) + "\n"
            }
            if !record.answer.text.isEmpty {
                out += record.answer.text + "\n\n"
            }
            out += "_" + inline(TranscriptExportText.metrics(of: record)) + "_\n\n"
        }
        for grade in turn.grades {
            out += "**" + TranscriptExportText.grade(grade) + "**\n\n"
        }
        for vote in turn.votes {
            out += "**" + TranscriptExportText.vote(vote) + "**\n\n"
        }
        return out
    }

    /// `text` as a block quote, every line prefixed.
    private static func quoted(_ text: String) -> String {
        text.components(separatedBy: "\n")
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n") + "\n"
    }

    /// `text` safe inside a table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// `text` safe between underscores on one line.
    private static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "\n", with: " ")
    }
}
