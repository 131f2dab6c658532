import Foundation
import Testing
@testable import ArenaKit

@Suite("Transcript export")
struct TranscriptExportTests {
    private var transcript: LoadedTranscript {
        var hostile = TranscriptSamples.answerB
        hostile.text = "<script>alert('x')</script> & \"quotes\""
        hostile.status = .done
        hostile.finishReason = .stop
        let events: [TranscriptEvent] = [
            .session(.init(arenaVersion: "0.4.0")),
            .model(.init(side: .a, descriptor: TranscriptSamples.modelA)),
            .model(.init(side: .b, descriptor: TranscriptSamples.modelB)),
            .systemPrompt(.init(side: .a, text: "Be terse.")),
            .user(.init(turn: 1, prompt: "Capital of France?")),
            .answer(.init(turn: 1, side: .a, model: "gpt-4o", answer: TranscriptSamples.answerA, cost: .init(amount: 0.0012))),
            .answer(.init(turn: 1, side: .b, model: "parrot", answer: hostile)),
            .vote(.init(turn: 1, verdict: .a, anonymous: false, modelA: "gpt-4o", modelB: "parrot")),
            .settings(.init(side: .a, temperature: 0.5)),
            .user(.init(turn: 2, prompt: "<img src=x onerror=alert(1)>")),
            .answer(.init(turn: 2, side: .a, answer: Answer(status: .failed(message: "HTTP 429 <slow down>")))),
        ]
        return LoadedTranscript(file: "x.jsonl", records: TranscriptSamples.records(events))
    }

    @Test("Markdown lists turn by turn the prompt and both answers with metrics")
    func markdown() {
        let markdown = MarkdownTranscriptExporter.render(transcript)
        #expect(markdown.hasPrefix("# arena transcript\n\nStarted 2026-11-25 15:31:59 UTC · arena 0.4.0\n"))
        #expect(markdown.contains("| A | gpt-4o | azure-openai | contoso.openai.azure.com |"))
        #expect(markdown.contains("## Turn 1\n\n> Capital of France?\n"))
        #expect(markdown.contains("### A · gpt-4o\n"))
        #expect(markdown.contains("### B · parrot\n"))
        #expect(markdown.contains("Paris is the capital of France."))
        #expect(markdown.contains("_done · 1.5 s · first token 0.25 s · 12 in · 9 tokens · 6.4 tok/s · $0.0012_"))
        #expect(markdown.contains("**Vote: A (gpt-4o) is better.**"))
        #expect(markdown.contains("_Side A settings: temperature 0.5._"))
        #expect(markdown.contains("_error: HTTP 429 <slow down>_"))
        #expect(markdown.contains("_No answer was recorded._"))
        #expect(markdown.contains("**System prompt A:**\n\n> Be terse."))
        let turn1 = markdown.range(of: "## Turn 1")!.lowerBound
        let turn2 = markdown.range(of: "## Turn 2")!.lowerBound
        #expect(turn1 < turn2)
    }

    @Test("HTML is one self-contained page with every text escaped")
    func html() {
        let html = HTMLTranscriptExporter.render(transcript)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("src=\"http"))
        // Issue 15: answers are rendered Markdown; raw HTML in them shows as text (a code block).
        #expect(html.contains("<pre><code>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;\n</code></pre>"), "\(html)")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("HTTP 429 &lt;slow down&gt;"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.components(separatedBy: "<article class=\"answer\">").count - 1 == 4)
        #expect(html.contains("<title>arena: gpt-4o vs parrot</title>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("escape covers the five special characters")
    func escape() {
        #expect(HTMLTranscriptExporter.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}

/// Issue 11: exports of a transcript whose answers carry terminal escapes (OSC title, OSC 52
/// clipboard, alternate screen, C1 CSI) hold no raw control byte, in either format.
@Suite struct HostileExportTests {
    private let hostileText = "safe \u{1B}]0;pwned\u{07} \u{1B}]52;c;ZXZpbA==\u{07} \u{1B}[?1049h \u{9B}2J \u{202E}rtl end"

    private var transcript: LoadedTranscript {
        var answer = TranscriptSamples.answerB
        answer.text = hostileText
        answer.reasoning = hostileText
        answer.status = .done
        var model = TranscriptSamples.modelB
        model.name = "model\u{1B}[31m"
        let events: [TranscriptEvent] = [
            .session(.init(arenaVersion: "0.4.0")),
            .model(.init(side: .a, descriptor: TranscriptSamples.modelA)),
            .model(.init(side: .b, descriptor: model)),
            .systemPrompt(.init(side: .b, text: hostileText)),
            .user(.init(turn: 1, prompt: hostileText)),
            .answer(.init(turn: 1, side: .a, model: "gpt-4o", answer: TranscriptSamples.answerA)),
            .answer(.init(turn: 1, side: .b, model: "model\u{1B}[31m", answer: answer)),
        ]
        return LoadedTranscript(file: "x.jsonl", records: TranscriptSamples.records(events))
    }

    @Test func anAnswerCutAtMaxTokensSaysSoInTheFootersWords() {
        var cut = TranscriptSamples.answerA
        cut.finishReason = .length
        var filtered = TranscriptSamples.answerA
        filtered.finishReason = .contentFilter
        #expect(TranscriptExportText.metrics(of: .init(turn: 1, side: .a, answer: cut)).hasPrefix("done · cut at max tokens · "))
        #expect(TranscriptExportText.metrics(of: .init(turn: 1, side: .b, answer: filtered)).hasPrefix("done · stopped by content filter · "))
    }

    @Test func exportsCarryNoControlBytes() {
        for export in [MarkdownTranscriptExporter.render(transcript), HTMLTranscriptExporter.render(transcript)] {
            let controls = export.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
            #expect(controls.isEmpty, "\(controls.map { String($0.value, radix: 16) })")
            #expect(export.contains("␛]52;c;ZXZpbA==␇"))
        }
    }

    @Test func exportsAreWrittenOwnerOnlyAndWriteFailuresAreReported() throws {
        let directory = try makeTranscriptTestDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.md"
        try PrivateFile.write("hello\n", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
        #expect(throws: PrivateFile.WriteError.self) { try PrivateFile.write("x", to: "/dev/full") }
        do {
            try PrivateFile.write("x", to: directory + "/no/such/folder/out.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "cannot write \(directory)/no/such/folder/out.md: the folder \(directory)/no/such/folder does not exist")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/no"))
    }
}

/// Issue 15: the HTML export renders the answers' Markdown with cmark-gfm, safely.
@Suite struct MarkdownHTMLExportTests {
    @Test func markdownIsRenderedWithGFMExtensions() {
        let html = MarkdownHTML.render("""
            # Title

            Some **bold**, *italic*, `code` and ~~struck~~ text, see https://example.com.

            - one
              - nested
            - two

            ```swift
            let x = 1 < 2
            ```

            | a | b |
            |---|---|
            | 1 | 2 |
            """)
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<strong>bold</strong>") && html.contains("<em>italic</em>") && html.contains("<code>code</code>"))
        #expect(html.contains("<del>struck</del>"))
        #expect(html.contains("<a rel=\"noopener noreferrer\" href=\"https://example.com\">https://example.com</a>"), "\(html)")
        #expect(html.contains("<ul>\n<li>one\n<ul>\n<li>nested</li>"), "\(html)")
        #expect(html.contains("<pre lang=\"swift\"><code>let x = 1 &lt; 2\n</code></pre>") || html.contains("<code class=\"language-swift\">let x = 1 &lt; 2"), "\(html)")
        #expect(html.contains("<table>") && html.contains("<td>1</td>"))
    }

    @Test func rawHTMLAndDangerousLinksAreShownNeverRun() {
        let html = MarkdownHTML.render("""
            Hi <img src=x onerror=alert(1)> there <b>bold?</b>

            <div onclick="steal()">block</div>

            [click](javascript:alert(1)) and ![pic](https://tracker.example/p.png)
            """)
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<div onclick"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(html)")
        #expect(html.contains("&lt;div onclick=&quot;steal()&quot;&gt;block&lt;/div&gt;"), "\(html)")
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<a rel=\"noopener noreferrer\" href=\"https://tracker.example/p.png\">image: pic</a>"), "\(html)")
    }
}
