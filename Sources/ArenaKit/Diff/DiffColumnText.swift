/// A piece of a word in one column of a side-by-side diff: text of one kind, marks included
/// (`[-list-]` is one piece, and the `,` after it another: a word may be partly changed).
struct DiffColumnPiece: Sendable, Hashable {
    var text: String
    var kind: DiffSegment.Kind
}

/// What one column of a side-by-side diff holds before it is wrapped: one answer's words, with
/// the words the other answer lacks marked (`[-…-]` in A's column, `{+…+}` in B's), the spaces
/// and line breaks between them, and the points at which both columns are levelled.
///
/// The two columns are made together from one word diff, so that each has the same `level`
/// items in the same places of the common text. A column is levelled:
/// - at the start of every common stretch of at least ``levelWords`` words (at its first space
///   when a word is still open in either column, so that no word is split), and
/// - after every line break the two answers share.
enum DiffColumnItem: Sendable, Hashable {
    /// A word, in pieces of one kind each.
    case word([DiffColumnPiece])
    /// Spaces starting a line of the answer (its indentation), in cells.
    case indent(Int)
    /// A space between two words: where the column may wrap.
    case space
    /// A line break of the answer: the next word starts a new row.
    case lineBreak
    /// The common text that follows starts on the same row in both columns.
    case level
}

extension DiffColumnItem {
    /// The shortest common stretch that starts level in both columns, in words.
    static let levelWords = 3

    /// Both columns of the diff `segments`: A's (its common and deleted text) and B's (its
    /// common and inserted text).
    static func columns(_ segments: [DiffSegment]) -> (a: [DiffColumnItem], b: [DiffColumnItem]) {
        var a = DiffColumnBuilder(changed: .deleted, open: "[-", close: "-]")
        var b = DiffColumnBuilder(changed: .inserted, open: "{+", close: "+}")
        for segment in segments {
            switch segment.kind {
            case .deleted: a.add(segment.text, kind: .deleted)
            case .inserted: b.add(segment.text, kind: .inserted)
            case .equal:
                var text = Substring(segment.text)
                if wordCount(segment.text) >= levelWords {
                    if a.isInWord || b.isInWord {
                        // Finish the word both columns are in before levelling.
                        let end = text.firstIndex(where: \.isWhitespace) ?? text.endIndex
                        a.add(text[..<end], kind: .equal)
                        b.add(text[..<end], kind: .equal)
                        text = text[end...]
                    }
                    a.level()
                    b.level()
                }
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 {
                        a.add("\n", kind: .equal)
                        b.add("\n", kind: .equal)
                        a.level()
                        b.level()
                    }
                    a.add(line, kind: .equal)
                    b.add(line, kind: .equal)
                }
            }
        }
        return (a.finish(), b.finish())
    }

    /// The number of words (runs of characters other than whitespace) in `text`.
    static func wordCount(_ text: some StringProtocol) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}

/// Builds one column's items, character by character, opening a mark at the first changed
/// character after common text and closing it after the last changed word before common text
/// or a line break (so a mark never spans rows of different lines).
private struct DiffColumnBuilder {
    let changed: DiffSegment.Kind
    let open: String
    let close: String
    private var items: [DiffColumnItem] = []
    /// The word being read, not yet in `items`.
    private var word: [DiffColumnPiece] = []
    private var lastWordIndex: Int?
    private var markOpen = false
    private var atLineStart = true
    private var indent = 0

    init(changed: DiffSegment.Kind, open: String, close: String) {
        self.changed = changed
        self.open = open
        self.close = close
    }

    var isInWord: Bool { !word.isEmpty }

    mutating func add(_ text: some StringProtocol, kind: DiffSegment.Kind) {
        for character in text {
            if character.isNewline {
                closeMark()
                endWord()
                items.append(.lineBreak)
                atLineStart = true
                indent = 0
            } else if character.isWhitespace {
                if kind == .equal { closeMark() }
                endWord()
                if atLineStart {
                    indent += 1
                } else if items.last != .space {
                    items.append(.space)
                }
            } else {
                append(character, kind: kind)
            }
        }
    }

    mutating func level() {
        endWord()
        items.append(.level)
    }

    mutating func finish() -> [DiffColumnItem] {
        closeMark()
        endWord()
        return items
    }

    private mutating func append(_ character: Character, kind: DiffSegment.Kind) {
        if atLineStart {
            if indent > 0 { items.append(.indent(indent)) }
            atLineStart = false
            indent = 0
        }
        if kind == .equal {
            closeMark()
        } else if !markOpen {
            markOpen = true
            word.append(DiffColumnPiece(text: open, kind: kind))
        }
        if let last = word.last, last.kind == kind {
            word[word.count - 1].text.append(character)
        } else {
            word.append(DiffColumnPiece(text: String(character), kind: kind))
        }
    }

    private mutating func endWord() {
        guard !word.isEmpty else { return }
        lastWordIndex = items.count
        items.append(.word(word))
        word = []
    }

    /// Ends the open mark after the last changed character read.
    private mutating func closeMark() {
        guard markOpen else { return }
        markOpen = false
        if !word.isEmpty {
            word[word.count - 1].text += close
        } else if let index = lastWordIndex, case .word(var pieces) = items[index] {
            pieces[pieces.count - 1].text += close
            items[index] = .word(pieces)
        }
    }
}
