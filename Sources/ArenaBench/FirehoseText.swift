/// The texts the loopback firehose's chunks carry, in turn: words of different lengths, a
/// non-ASCII one, one with quotes the JSON escapes, and a line break now and then, as in a real
/// answer (every chunk still has the same bytes around its text, as OpenAI's chunks do).
enum FirehoseText {
    static let words = [
        " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ",",
        " café", " \"quoted\"", " and", " more", ".", "\n",
    ]

    /// An answer in Markdown, as models write them (`--firehose markdown`): a heading, a
    /// paragraph with emphasis, code and a link, a nested list, a fenced code block with a
    /// line longer than a column, and a four-column table, over and over.
    static let markdown = [
        "## ", "Heading", " for", " the", " answer", "\n", "\n",
        "Some", " **bold**", " and", " *italic*", " text", " with", " `code`", " and", " a", " [link](https://example.com/docs)", ".", "\n", "\n",
        "- ", "First", " item", " that", " runs", " long", " enough", " to", " wrap", " in", " a", " column", "\n",
        "  - ", "Nested", " item", " with", " ~~struck~~", " words", "\n",
        "- ", "Second", " item", "\n", "\n",
        "```swift", "\n",
        "let", " greeting", " =", " \"a line of code that is longer than the column it is shown in\"", "\n",
        "    ", "print(greeting)", "\n",
        "```", "\n", "\n",
        "| Name | Kind | Speed | Notes |", "\n",
        "|------|------|-------|-------|", "\n",
        "| Swift", " | static | fast | compiled |", "\n",
        "| Python", " | dynamic | slower | interpreted |", "\n", "\n",
    ]

    /// The bytes of text `chunks` chunks carry in all.
    static func textBytes(chunks: Int, texts: [String] = words) -> Int {
        let perCycle = texts.reduce(0) { $0 + $1.utf8.count }
        let rest = texts.prefix(chunks % texts.count).reduce(0) { $0 + $1.utf8.count }
        return chunks / texts.count * perCycle + rest
    }
}
