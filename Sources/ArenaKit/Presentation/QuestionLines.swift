/// The question of a turn as it is shown above the answers: sanitised (it may come from a
/// transcript or a file) and kept to a few lines, a longer one ending in "…".
enum QuestionLines {
    /// The lines of `question`, each sanitised to one line, at most `maxLines` of them.
    static func shortened(_ question: String, maxLines: Int) -> [String] {
        let lines = question.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.sanitizeLine(String($0)) }
        return capped(lines, maxLines: maxLines, width: .max)
    }

    /// `question` wrapped to `width` cells at words, its first line after `prefix` and the
    /// rest hanging under it, at most `maxLines` lines.
    static func wrapped(_ question: String, prefix: String, width: Int, maxLines: Int) -> [String] {
        let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
        var lines: [String] = []
        for (index, line) in question.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let clean = TextSanitizer.sanitizeLine(String(line))
            lines += WordWrap.wrap(clean, width: width, firstPrefix: index == 0 ? prefix : indent, indent: indent.count)
            if lines.count > maxLines { break }
        }
        return capped(lines, maxLines: maxLines, width: width)
    }

    private static func capped(_ lines: [String], maxLines: Int, width: Int) -> [String] {
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = DisplayWidth.of(last) + 2 <= width ? last + " …" : WordWrap.shortened(last + " …", toCells: width)
        return kept
    }
}
