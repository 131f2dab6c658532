/// A word-level diff of two texts, for `/diff` between two answers.
///
/// Both texts are split into words, whitespace runs and punctuation (see `WordTokenizer`),
/// the token sequences are compared with Myers' algorithm (linear space, fast for answers of
/// thousands of words), and the result is tidied for reading: whitespace that merely separates
/// two changes is folded into them, and within each changed stretch the deleted text comes
/// before the inserted text.
enum WordDiff {
    /// The segments that turn `old` into `new`. Concatenating the equal and deleted segments
    /// gives `old`; the equal and inserted segments give `new`. Adjacent segments never share
    /// a kind, and no segment is empty.
    public static func segments(from old: String, to new: String) -> [DiffSegment] {
        let oldTokens = WordTokenizer.tokens(old)
        let newTokens = WordTokenizer.tokens(new)
        var ids: [Substring: Int] = [:]
        func id(_ token: Substring) -> Int {
            if let known = ids[token] { return known }
            let next = ids.count
            ids[token] = next
            return next
        }
        let oldIDs = oldTokens.map(id)
        let newIDs = newTokens.map(id)
        let script = MyersDiff(old: oldIDs, new: newIDs).operations

        var raw: [DiffSegment] = []
        var oldIndex = 0
        var newIndex = 0
        for operation in script {
            switch operation {
            case .equal(let count):
                raw.append(DiffSegment(kind: .equal, text: oldTokens[oldIndex..<oldIndex + count].joined()))
                oldIndex += count
                newIndex += count
            case .delete(let count):
                raw.append(DiffSegment(kind: .deleted, text: oldTokens[oldIndex..<oldIndex + count].joined()))
                oldIndex += count
            case .insert(let count):
                raw.append(DiffSegment(kind: .inserted, text: newTokens[newIndex..<newIndex + count].joined()))
                newIndex += count
            }
        }
        return tidy(raw)
    }

    /// Renders segments for a pipe, in the style of `git diff --word-diff=plain`: deleted text
    /// as `[-text-]`, inserted text as `{+text+}`, equal text as is. Marker-like text inside
    /// the answers is not escaped.
    public static func renderPlain(_ segments: [DiffSegment]) -> String {
        var text = ""
        for segment in segments {
            switch segment.kind {
            case .equal: text += segment.text
            case .deleted: text += "[-" + segment.text + "-]"
            case .inserted: text += "{+" + segment.text + "+}"
            }
        }
        return text
    }

    /// A diff of `old` against `new` rendered with `renderPlain`.
    public static func plain(from old: String, to new: String) -> String {
        renderPlain(segments(from: old, to: new))
    }

    /// Folds whitespace-only equal segments lying between two changes into the changes, then
    /// merges each stretch of changes into one deletion followed by one insertion.
    static func tidy(_ segments: [DiffSegment]) -> [DiffSegment] {
        var result: [DiffSegment] = []
        var deleted = ""
        var inserted = ""
        func flush() {
            if !deleted.isEmpty { result.append(DiffSegment(kind: .deleted, text: deleted)) }
            if !inserted.isEmpty { result.append(DiffSegment(kind: .inserted, text: inserted)) }
            deleted = ""
            inserted = ""
        }
        for (index, segment) in segments.enumerated() {
            switch segment.kind {
            case .equal:
                let changeBefore = index > 0 && segments[index - 1].kind != .equal
                let changeAfter = index + 1 < segments.count && segments[index + 1].kind != .equal
                if changeBefore, changeAfter, segment.text.allSatisfy(\.isWhitespace) {
                    // "foo bar" → "baz qux" reads better as one change than as two.
                    deleted += segment.text
                    inserted += segment.text
                    continue
                }
                flush()
                if result.last?.kind == .equal {
                    result[result.count - 1].text += segment.text
                } else if !segment.text.isEmpty {
                    result.append(segment)
                }
            case .deleted:
                deleted += segment.text
            case .inserted:
                inserted += segment.text
            }
        }
        flush()
        return result
    }
}
