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
        var row = Row(self)
        for span in spans { row.append(span.text, style: span.style) }
        return row.finish()
    }

    /// `text` in `markdown` style (on top of the base tone).
    func paint(_ text: String, style markdown: MarkdownStyle) -> String {
        var row = Row(self)
        row.append(text, style: markdown)
        return row.finish()
    }

    /// A row painted as it is built: text appended run by run, a style's SGR sequence written
    /// only where the style changes, so that laying out a row needs no array of spans first.
    struct Row {
        private var output = ""
        private var runStyle: MarkdownStyle?
        private let openings: [String]
        private let colorEnabled: Bool

        init(_ painter: MarkdownPainter) {
            openings = painter.openings
            colorEnabled = painter.style.colorEnabled
        }

        mutating func append(_ text: some StringProtocol, style: MarkdownStyle) {
            guard !text.isEmpty else { return }
            if colorEnabled && style != runStyle {
                if let current = runStyle, !openings[Int(current.rawValue)].isEmpty { output += MarkdownPainter.reset }
                output += openings[Int(style.rawValue)]
                runStyle = style
            }
            output += text
        }

        /// `count` spaces in no Markdown style.
        mutating func appendSpaces(_ count: Int) {
            guard count > 0 else { return }
            append(String.spaces(count), style: [])
        }

        /// The row's text, its last style closed.
        consuming func finish() -> String {
            if colorEnabled, let current = runStyle, !openings[Int(current.rawValue)].isEmpty { output += MarkdownPainter.reset }
            return output
        }
    }

    /// `text` in no Markdown style (only the base tone).
    func paint(plain text: String) -> String {
        guard style.colorEnabled, !openings[0].isEmpty else { return text }
        return paint(text, style: [])
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
