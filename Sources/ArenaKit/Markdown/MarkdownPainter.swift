/// Turns styled spans into terminal text: arena's SGR codes around each run (none when colour
/// is off), on top of a base tone (dim for reasoning). The text itself is already sanitized;
/// the only escape sequences in a row are the ones added here.
struct MarkdownPainter: Sendable {
    let style: TerminalStyle
    let base: [TerminalStyle.Tone]
    /// The SGR sequence opening each combination of styles (indexed by its raw value).
    private let openings: [String]

    init(style: TerminalStyle, base: [TerminalStyle.Tone] = []) {
        self.style = style
        self.base = base
        let combinations = Int(MarkdownStyle.all.rawValue) + 1
        openings = style.colorEnabled ? (0..<combinations).map { raw in
            let tones = Self.tones(MarkdownStyle(rawValue: UInt8(raw)), base: base)
            // `apply` wraps its text: take the opening part of a wrapped empty marker.
            let sample = style.apply(tones, to: "x")
            return tones.isEmpty ? "" : String(sample.prefix { $0 != "x" })
        } : []
    }

    func paint(_ spans: [MarkdownSpan]) -> String {
        var output = ""
        guard style.colorEnabled else {
            for span in spans { output += span.text }
            return output
        }
        var runStyle: MarkdownStyle?
        for span in spans where !span.text.isEmpty {
            if span.style != runStyle {
                if let current = runStyle, !openings[Int(current.rawValue)].isEmpty { output += Self.reset }
                output += openings[Int(span.style.rawValue)]
                runStyle = span.style
            }
            output += span.text
        }
        if let current = runStyle, !openings[Int(current.rawValue)].isEmpty { output += Self.reset }
        return output
    }

    /// `text` in no Markdown style (only the base tone).
    func paint(plain text: String) -> String {
        guard style.colorEnabled, !openings[0].isEmpty else { return text }
        return paint([MarkdownSpan(text: text, style: [])])
    }

    private static let reset = "\u{1B}[0m"

    private static func tones(_ markdown: MarkdownStyle, base: [TerminalStyle.Tone]) -> [TerminalStyle.Tone] {
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
