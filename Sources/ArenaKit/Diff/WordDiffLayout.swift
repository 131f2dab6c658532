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
        var open: DiffSegment.Kind = .equal
        return wrapped.map { colored($0, open: &open, style: style) }
    }

    /// `line` with its marked runs coloured; `open` carries a run that goes on past a line end.
    private static func colored(_ line: String, open: inout DiffSegment.Kind, style: TerminalStyle) -> String {
        var output = ""
        var run = ""
        func flush() {
            switch open {
            case .equal: output += run
            case .deleted: output += style.apply(.red, to: run)
            case .inserted: output += style.apply(.green, to: run)
            }
            run = ""
        }
        var rest = Substring(line)
        while let first = rest.first {
            let pair = rest.prefix(2)
            if open == .equal && (pair == "[-" || pair == "{+") {
                flush()
                open = pair == "[-" ? .deleted : .inserted
                run = String(pair)
                rest = rest.dropFirst(2)
            } else if (open == .deleted && pair == "-]") || (open == .inserted && pair == "+}") {
                run += pair
                flush()
                open = .equal
                rest = rest.dropFirst(2)
            } else {
                run.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
        return output
    }
}
