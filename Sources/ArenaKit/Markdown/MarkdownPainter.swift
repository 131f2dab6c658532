/// Turns styled spans into terminal text: arena's SGR codes around each run (none when colour
/// is off), on top of a base tone (dim for reasoning). The text itself is already sanitized;
/// the only escape sequences in a row are the ones added here.
struct MarkdownPainter: Sendable {
    let style: TerminalStyle
    let base: [TerminalStyle.Tone]

    init(style: TerminalStyle, base: [TerminalStyle.Tone] = []) {
        self.style = style
        self.base = base
    }

    func paint(_ spans: [MarkdownSpan]) -> String {
        guard style.colorEnabled else { return spans.reduce(into: "") { $0 += $1.text } }
        var output = ""
        var run = ""
        var runStyle: MarkdownStyle?
        for span in spans where !span.text.isEmpty {
            if span.style != runStyle, let current = runStyle {
                output += style.apply(tones(current), to: run)
                run = ""
            }
            runStyle = span.style
            run += span.text
        }
        if let current = runStyle { output += style.apply(tones(current), to: run) }
        return output
    }

    private func tones(_ markdown: MarkdownStyle) -> [TerminalStyle.Tone] {
        var tones = base
        if markdown.contains(.bold) { tones.append(.bold) }
        if markdown.contains(.italic) { tones.append(.italic) }
        if markdown.contains(.strike) { tones.append(.strike) }
        if markdown.contains(.link) { tones.append(.underline) }
        if markdown.contains(.code) { tones.append(.yellow) }
        if markdown.contains(.mark), !tones.contains(.dim) { tones.append(.dim) }
        return tones
    }
}
