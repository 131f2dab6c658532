/// Word-wraps streaming text to a fixed number of cells, incrementally.
///
/// Text is fed as it arrives; completed lines (``lines``) never change afterwards, because
/// greedy wrapping only ever decides about the line being built. Words longer than the width
/// are broken. Indentation at the start of a paragraph is kept; spaces where a line wraps are
/// dropped; a tab counts as four spaces. Reasoning and answer text never share a line.
///
/// Each line remembers where it starts in the fed text (in UTF-8 bytes), so that after a
/// resize the part not yet committed to the scrollback can be wrapped again at the new width.
struct ColumnWrapper: Sendable {
    public let width: Int
    /// Lines that are complete and final.
    public private(set) var lines: [WrappedLine] = []
    private var lineStarts: [Int] = []

    // The line, the spaces and the word being built, as UTF-8: cheaper to grow than strings,
    // and made into a string once per finished line.
    private var current: [UInt8] = []
    private var currentWidth = 0
    private var currentStart = 0
    private var space: [UInt8] = []
    private var spaceWidth = 0
    private var word: [UInt8] = []
    private var wordWidth = 0
    private var wordStart = 0
    private var fedBytes = 0
    private var mode = LineTone.answer
    private var atParagraphStart = true

    public init(width: Int) {
        self.width = max(1, width)
    }

    /// True when nothing is waiting to become a line.
    var isPendingEmpty: Bool { current.isEmpty && word.isEmpty && space.isEmpty }

    /// Where line `index` starts in the fed text, in UTF-8 bytes; `lines.count` names the line
    /// being built.
    func startOffset(ofLine index: Int) -> Int {
        if index < lineStarts.count { return lineStarts[index] }
        if !current.isEmpty || atParagraphStart { return currentStart }
        return word.isEmpty ? fedBytes : wordStart
    }

    /// Adds sanitized text. `tone` marks reasoning or notice text; a switch between tones
    /// starts a new line.
    public mutating func append(_ text: String, tone: LineTone = .answer) {
        if tone != mode {
            if !isPendingEmpty { breakLine() }
            mode = tone
        }
        // Runs of printable ASCII (one cell per byte) are taken whole; everything else goes
        // character by character. An ASCII byte followed by a non-ASCII one may start a longer
        // character (a keycap, a combining accent), so it goes the slow way too.
        let utf8 = text.utf8
        /// True when the byte at `index` is ASCII and a whole character by itself.
        func standsAlone(_ index: String.Index) -> Bool {
            let next = utf8.index(after: index)
            return utf8[index] < 0x80 && (next == utf8.endIndex || utf8[next] < 0x80)
        }
        func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x21 && byte <= 0x7E }

        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if standsAlone(index) && isPrintable(byte) {
                var end = index
                var length = 0
                while end != utf8.endIndex && isPrintable(utf8[end]) && standsAlone(end) {
                    end = utf8.index(after: end)
                    length += 1
                }
                appendWordPiece(utf8[index..<end], cells: length)
                index = end
            } else if standsAlone(index) && (byte == 0x0A || byte == 0x20 || byte == 0x09) {
                if byte == 0x0A { breakParagraph() } else { appendSpace(cells: byte == 0x09 ? 4 : 1) }
                index = utf8.index(after: index)
            } else {
                append(text[index...].first!)
                index = text.index(after: index)
            }
        }
    }

    private mutating func append(_ character: Character) {
        switch character {
        case "\n": breakParagraph()
        case " ": appendSpace(cells: 1)
        case "\t": appendSpace(cells: 4)
        default: appendWordPiece(character.utf8, cells: DisplayWidth.of(character))
        }
    }

    /// A line feed: the line ends and a paragraph starts.
    private mutating func breakParagraph() {
        breakLine()
        fedBytes += 1
        currentStart = fedBytes
        atParagraphStart = true
    }

    /// A space (one cell) or a tab (four), one byte of text.
    private mutating func appendSpace(cells: Int) {
        placeWord()
        if !current.isEmpty || atParagraphStart {
            space.append(contentsOf: repeatElement(UInt8(ascii: " "), count: cells))
            spaceWidth += cells
        }
        fedBytes += 1
    }

    /// Adds a piece of a word (its UTF-8), `cells` wide.
    private mutating func appendWordPiece(_ piece: some Collection<UInt8>, cells: Int) {
        if word.isEmpty { wordStart = fedBytes }
        word.append(contentsOf: piece)
        wordWidth += cells
        fedBytes += piece.count
        if wordWidth > width { breakLongWord() }
    }

    /// Ends the text: the line being built becomes a completed line.
    public mutating func finish() {
        if !isPendingEmpty { breakLine() }
    }

    /// The line or lines being built, as they would be if the text ended now.
    var pendingLines: [WrappedLine] {
        var scratch = self
        scratch.lines = []
        scratch.lineStarts = []
        scratch.finish()
        return scratch.lines
    }

    private mutating func placeWord() {
        guard !word.isEmpty else { return }
        if current.isEmpty {
            if atParagraphStart && spaceWidth + wordWidth <= width {
                current = space + word
                currentWidth = spaceWidth + wordWidth
            } else {
                if !atParagraphStart { currentStart = wordStart }
                current = word
                currentWidth = wordWidth
            }
        } else if currentWidth + spaceWidth + wordWidth <= width {
            current.append(contentsOf: space)
            current.append(contentsOf: word)
            currentWidth += spaceWidth + wordWidth
        } else {
            pushCurrent()
            currentStart = wordStart
            current = word
            currentWidth = wordWidth
        }
        atParagraphStart = false
        space.removeAll(keepingCapacity: true)
        spaceWidth = 0
        word.removeAll(keepingCapacity: true)
        wordWidth = 0
    }

    /// The word alone is wider than a line: finish the current line, then cut full-width
    /// pieces off the front of the word until the rest fits.
    private mutating func breakLongWord() {
        if !current.isEmpty { pushCurrent() }
        space.removeAll(keepingCapacity: true)
        spaceWidth = 0
        atParagraphStart = false
        while wordWidth > width {
            var piece = ""
            var pieceWidth = 0
            var pieceBytes = 0
            var rest = Substring(String(decoding: word, as: UTF8.self))
            while let character = rest.first {
                let cells = DisplayWidth.of(character)
                // A character wider than the whole column still goes alone on its line.
                if pieceWidth + cells > width && !piece.isEmpty { break }
                piece.append(character)
                pieceWidth += cells
                pieceBytes += character.utf8.count
                rest = rest.dropFirst()
            }
            lines.append(WrappedLine(text: piece, width: pieceWidth, tone: mode))
            lineStarts.append(wordStart)
            word = Array(rest.utf8)
            wordWidth -= pieceWidth
            if word.isEmpty { wordWidth = 0 }
            wordStart += pieceBytes
        }
        currentStart = wordStart
    }

    private mutating func breakLine() {
        placeWord()
        pushCurrent(evenIfEmpty: true)
        space.removeAll(keepingCapacity: true)
        spaceWidth = 0
    }

    private mutating func pushCurrent(evenIfEmpty: Bool = false) {
        guard evenIfEmpty || !current.isEmpty else { return }
        lines.append(WrappedLine(text: String(decoding: current, as: UTF8.self), width: currentWidth, tone: mode))
        lineStarts.append(currentStart)
        current.removeAll(keepingCapacity: true)
        currentWidth = 0
        currentStart = fedBytes
    }
}
