/// The texts the loopback firehose's chunks carry, in turn: words of different lengths, a
/// non-ASCII one, one with quotes the JSON escapes, and a line break now and then, as in a real
/// answer (every chunk still has the same bytes around its text, as OpenAI's chunks do).
enum FirehoseText {
    static let words = [
        " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ",",
        " café", " \"quoted\"", " and", " more", ".", "\n",
    ]

    /// The bytes of text `chunks` chunks carry in all.
    static func textBytes(chunks: Int) -> Int {
        let perCycle = words.reduce(0) { $0 + $1.utf8.count }
        let rest = words.prefix(chunks % words.count).reduce(0) { $0 + $1.utf8.count }
        return chunks / words.count * perCycle + rest
    }
}
