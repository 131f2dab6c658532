import Foundation

/// Renders a transcript as one self-contained HTML page for sharing: inline CSS, no scripts,
/// the two answers side by side for each turn, their Markdown rendered (``MarkdownHTML``).
///
/// Every piece of text from the transcript is HTML-escaped or rendered safely (model output is
/// untrusted: raw HTML in an answer shows as text), and the page's Content-Security-Policy
/// forbids scripts and remote content besides.
public enum HTMLTranscriptExporter {
    /// The whole transcript as an HTML document. Control characters from the transcript
    /// become visible, inert stand-ins, as on the terminal.
    public static func render(_ transcript: LoadedTranscript) -> String {
        TextSanitizer.sanitize(document(transcript))
    }

    private static func document(_ transcript: LoadedTranscript) -> String {
        let firstTurn = transcript.turns.first
        let models = SidePair(
            a: firstTurn?.models.a ?? transcript.state.a.model,
            b: firstTurn?.models.b ?? transcript.state.b.model
        )
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>arena: \(escape(models.a.name)) vs \(escape(models.b.name))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>arena transcript</h1>

        """
        let sessionLine = TranscriptExportText.sessionLine(transcript)
        if !sessionLine.isEmpty { out += "<p class=\"meta\">\(escape(sessionLine))</p>\n" }
        out += "<div class=\"pair\">\n"
        for side in Side.allCases {
            let model = models[side]
            out += "<div class=\"model\"><span class=\"side\">\(side.label)</span> <strong>\(escape(model.name))</strong>"
            out += " <span class=\"meta\">\(escape(model.provider.rawValue))\(model.endpointHost.map { " · " + escape($0) } ?? "")</span>"
            if let system = firstTurn?.settings[side].systemPrompt {
                out += "<div class=\"system\"><span class=\"label\">System prompt</span><div class=\"text\">\(escape(system))</div></div>"
            }
            out += "</div>\n"
        }
        out += "</div>\n</header>\n<main>\n"

        for item in TranscriptExportText.items(of: transcript) {
            switch item {
            case .change(let text):
                out += "<p class=\"event\">\(escape(text))</p>\n"
            case .turn(let turn):
                out += render(turn)
            }
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private static func render(_ turn: LoadedTurn) -> String {
        var out = "<section class=\"turn\" id=\"turn-\(turn.number)\">\n<h2>Turn \(turn.number)</h2>\n"
        out += "<div class=\"prompt text\">\(escape(turn.prompt))</div>\n<div class=\"pair\">\n"
        for side in Side.allCases {
            let heading = TranscriptExportText.heading(side: side, model: TranscriptExportText.modelName(turn, side))
            out += "<article class=\"answer\">\n<h3>\(escape(heading))</h3>\n"
            if let record = turn.answers[side] {
                if !record.answer.reasoning.isEmpty {
                    out += "<details><summary>Reasoning</summary><div class=\"reasoning markdown\">\(MarkdownHTML.render(record.answer.reasoning))</div></details>\n"
                }
                out += "<div class=\"markdown\">\(MarkdownHTML.render(record.answer.text))</div>\n"
                let statusClass = record.answer.status == .done ? "metrics" : "metrics problem"
                out += "<p class=\"\(statusClass)\">\(escape(TranscriptExportText.metrics(of: record)))</p>\n"
            } else {
                out += "<p class=\"metrics problem\">No answer was recorded.</p>\n"
            }
            out += "</article>\n"
        }
        out += "</div>\n"
        for grade in turn.grades {
            out += "<p class=\"judgement\">\(escape(TranscriptExportText.grade(grade)))</p>\n"
        }
        for vote in turn.votes {
            out += "<p class=\"judgement\">\(escape(TranscriptExportText.vote(vote)))</p>\n"
        }
        return out + "</section>\n"
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element
    /// content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let style = """
    :root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#6e6e73;--line:#d2d2d7;--card:#f5f5f7;--bad:#b3261e}
    @media (prefers-color-scheme:dark){:root{--fg:#f5f5f7;--bg:#161617;--muted:#a1a1a6;--line:#424245;--card:#232325;--bad:#ff8a80}}
    body{margin:0 auto;max-width:1200px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
    h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:0 0 .5rem}h3{font-size:.95rem;margin:0 0 .5rem}
    .meta,.metrics,.event{color:var(--muted);font-size:.85rem}
    .pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
    @media (max-width:760px){.pair{grid-template-columns:1fr}}
    .model,.answer{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;min-width:0}
    .side{display:inline-block;font-weight:700;border:1px solid var(--line);border-radius:4px;padding:0 .4rem}
    .turn{border-top:1px solid var(--line);margin-top:1.5rem;padding-top:1rem}
    .prompt{border-left:3px solid var(--line);padding:.25rem .75rem;margin-bottom:.75rem}
    .text{white-space:pre-wrap;overflow-wrap:anywhere}
    .markdown{overflow-wrap:anywhere}.markdown>:first-child{margin-top:0}.markdown>:last-child{margin-bottom:0}
    .markdown pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;overflow-x:auto}
    .markdown code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
    .markdown table{border-collapse:collapse;display:block;overflow-x:auto}.markdown th,.markdown td{border:1px solid var(--line);padding:.25rem .5rem}
    .markdown blockquote{margin:0;padding-left:.75rem;border-left:3px solid var(--line);color:var(--muted)}
    .reasoning{color:var(--muted);font-size:.9rem}
    .system{margin-top:.5rem}.label{color:var(--muted);font-size:.8rem}
    .problem{color:var(--bad)}.judgement{font-weight:600}
    """
}
