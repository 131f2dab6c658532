/// How `/diff` lays a word diff out on a screen: one text in which A's words that B does not
/// have are marked `[-removed-]` and B's words that A does not have `{+added+}` (as
/// `git diff --word-diff=plain` does, so the marks read without colour), wrapped at words to
/// the width with each paragraph of the answers starting a line; with colour on, removed words
/// are also red and added words green.
enum WordDiffLayout {
    /// The diff's lines, wrapped to `width` cells (not wrapped when `nil`), styled by `style`.
    static func lines(_ segments: [DiffSegment], width: Int?, style: TerminalStyle) -> [String] {
        let plain = WordDiff.renderPlain(segments)
        let wrapped = width.map { WordWrap.wrapLines(plain, width: $0) } ?? plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard style.colorEnabled else { return wrapped }
        // Wrapping only replaces spaces and line ends, so every other character of the wrapped
        // lines is, in order, a character of some segment (marks included): its colour comes
        // from that segment, never from re-reading the text, in which an answer's own `[-` or
        // `{+` (Python's `x[-1]`, a regex) would look like a mark.
        var kinds = segments.flatMap { segment in
            WordDiff.renderPlain([segment]).filter { !isLayoutSpace($0) }.map { _ in segment.kind }
        }.makeIterator()
        return wrapped.map { colored($0, kinds: &kinds, style: style) }
    }

    private static func isLayoutSpace(_ character: Character) -> Bool { character == " " || character == "\n" }

    /// `line` with each run of added or removed characters coloured; the spaces inside a run
    /// share its colour, those between runs have none.
    private static func colored(_ line: String, kinds: inout IndexingIterator<[DiffSegment.Kind]>, style: TerminalStyle) -> String {
        var output = ""
        var run = ""
        var runKind = DiffSegment.Kind.equal
        var spaces = ""
        func flush() {
            switch runKind {
            case .equal: output += run
            case .deleted: output += style.apply(.red, to: run)
            case .inserted: output += style.apply(.green, to: run)
            }
            run = ""
        }
        for character in line {
            if isLayoutSpace(character) {
                spaces.append(character)
                continue
            }
            let kind = kinds.next() ?? .equal
            if kind != runKind {
                flush()
                output += spaces
                runKind = kind
            } else {
                run += spaces
            }
            spaces = ""
            run.append(character)
        }
        flush()
        return output + spaces
    }
}
