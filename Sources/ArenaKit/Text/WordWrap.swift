/// Fits arena's own lines (help, listings, questions, footers) to a width in terminal cells:
/// wrapped at spaces with a hanging indent, or shortened at a word with a "…" mark. A word is
/// broken only when it is wider than the whole line.
public enum WordWrap {
    /// `paragraph` (one line of text) as lines of at most `width` cells, broken at spaces. The
    /// first line starts with `firstPrefix`; the lines after it start with `indent` spaces, so
    /// that they hang under the text.
    public static func wrap(_ paragraph: String, width: Int, firstPrefix: String = "", indent: Int = 0) -> [String] {
        let hanging = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = DisplayWidth.of(firstPrefix)
        var lineHasWord = false
        let leading = paragraph.prefix { $0 == " " }
        line += leading
        lineWidth += leading.count
        for word in paragraph.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            var wordWidth = DisplayWidth.of(word)
            if lineHasWord && lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = hanging
                lineWidth = indent
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            // A word wider than a whole line is broken at the width (nothing else can be done).
            while lineWidth + wordWidth > width, width - lineWidth > 0 {
                let (piece, pieceWidth) = String(word).prefix(cells: width - lineWidth)
                guard !piece.isEmpty else { break }
                lines.append(line + piece)
                word = word.dropFirst(piece.count)
                wordWidth -= pieceWidth
                line = hanging
                lineWidth = indent
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Each line of `text` wrapped by ``wrap(_:width:firstPrefix:indent:)``, every line with
    /// the same hanging indent.
    public static func wrapLines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            wrap(String(line), width: width, indent: line.isEmpty ? 0 : indent)
        }
    }

    /// `text` when it fits in `width` cells; otherwise its longest start ending at a word that
    /// fits with a "…" after it, so that a cut word or number is never shown.
    public static func shortened(_ text: String, toCells width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        let (start, _) = text.prefix(cells: width - 1)
        let endsAtWord = text.dropFirst(start.count).first == " "
        var kept = endsAtWord ? Substring(start) : start[..<(start.lastIndex(of: " ") ?? start.startIndex)]
        while let last = kept.last, last == " " || last == "·" { kept.removeLast() }
        return kept + "…"
    }

    /// A listing row: `lead` (a name or a usage, padded), then `text` wrapped to `width` and
    /// hanging under its own start. When `lead` leaves less than half the width, `text` goes
    /// on the lines below, indented by 6. With no width (not a terminal) the row is one line.
    public static func row(_ lead: String, _ text: String, width: Int?) -> String {
        guard let width else { return lead + text }
        let leadWidth = DisplayWidth.of(lead)
        guard leadWidth <= width / 2 else {
            let under = wrap(text, width: width, firstPrefix: "      ", indent: 6)
            return ([String(lead.reversed().drop { $0 == " " }.reversed())] + under).joined(separator: "\n")
        }
        return wrap(text, width: width, firstPrefix: lead, indent: leadWidth).joined(separator: "\n")
    }

    /// `text` with each line wider than the terminal wrapped at words, hanging two cells under
    /// its start, so that no message breaks inside a word. Lines that fit are left exactly as
    /// they are (aligned listings keep their spacing), and so is text carrying escape
    /// sequences (styled listings fit themselves) or going to a file or pipe.
    public static func fitted(_ text: String, width: Int?) -> String {
        guard let width, width > 8, !text.utf8.contains(0x1B) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard DisplayWidth.of(line) > width else { return String(line) }
            let indent = min(line.prefix { $0 == " " }.count + 2, width / 2)
            return wrap(String(line), width: width, indent: indent).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
