import Testing
@testable import ArenaKit

/// ColumnWrapper as it was before its ASCII fast path, kept as the oracle the fast path must
/// agree with.
struct ReferenceColumnWrapper {
    let width: Int
    /// Lines that are complete and final.
    private(set) var lines: [WrappedLine] = []
    private var lineStarts: [Int] = []

    private var current = ""
    private var currentWidth = 0
    private var currentStart = 0
    private var space = ""
    private var spaceWidth = 0
    private var word = ""
    private var wordWidth = 0
    private var wordStart = 0
    private var fedBytes = 0
    private var mode = LineTone.answer
    private var atParagraphStart = true

    init(width: Int) {
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
    mutating func append(_ text: String, tone: LineTone = .answer) {
        if tone != mode {
            if !isPendingEmpty { breakLine() }
            mode = tone
        }
        for character in text {
            let bytes = character.utf8.count
            switch character {
            case "\n":
                breakLine()
                fedBytes += bytes
                currentStart = fedBytes
                atParagraphStart = true
            case " ", "\t":
                placeWord()
                if !current.isEmpty || atParagraphStart {
                    let cells = character == "\t" ? 4 : 1
                    space.append(String(repeating: " ", count: cells))
                    spaceWidth += cells
                }
                fedBytes += bytes
            default:
                if word.isEmpty { wordStart = fedBytes }
                word.append(character)
                wordWidth += DisplayWidth.of(character)
                fedBytes += bytes
                if wordWidth > width { breakLongWord() }
            }
        }
    }

    /// Ends the text: the line being built becomes a completed line.
    mutating func finish() {
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
            current += space
            current += word
            currentWidth += spaceWidth + wordWidth
        } else {
            pushCurrent()
            currentStart = wordStart
            current = word
            currentWidth = wordWidth
        }
        atParagraphStart = false
        space = ""
        spaceWidth = 0
        word = ""
        wordWidth = 0
    }

    /// The word alone is wider than a line: finish the current line, then cut full-width
    /// pieces off the front of the word until the rest fits.
    private mutating func breakLongWord() {
        if !current.isEmpty { pushCurrent() }
        space = ""
        spaceWidth = 0
        atParagraphStart = false
        while wordWidth > width {
            var piece = ""
            var pieceWidth = 0
            var pieceBytes = 0
            var rest = Substring(word)
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
            word = String(rest)
            wordWidth -= pieceWidth
            if word.isEmpty { wordWidth = 0 }
            wordStart += pieceBytes
        }
        currentStart = wordStart
    }

    private mutating func breakLine() {
        placeWord()
        pushCurrent(evenIfEmpty: true)
        space = ""
        spaceWidth = 0
    }

    private mutating func pushCurrent(evenIfEmpty: Bool = false) {
        guard evenIfEmpty || !current.isEmpty else { return }
        lines.append(WrappedLine(text: current, width: currentWidth, tone: mode))
        lineStarts.append(currentStart)
        current = ""
        currentWidth = 0
        currentStart = fedBytes
    }
}

@Suite struct ColumnWrapperFastPathTests {
    @Test func fastPathWrapsExactlyAsCharacterByCharacter() {
        let pieces = ["word", " ", "  ", "\n", "\t", "longerwordthanthecolumn", "café", "e\u{301}", "1\u{FE0F}\u{20E3}", "日本語", "👩‍💻", "\"q\"", ",", ".", "x"]
        var generator = SplitMix64(seed: 3)
        for _ in 0..<400 {
            let width = Int.random(in: 1...30, using: &generator)
            var fast = ColumnWrapper(width: width)
            var reference = ReferenceColumnWrapper(width: width)
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) { text += pieces.randomElement(using: &generator)! }
            // Fed in random chunks, as a stream arrives (the same chunks to both).
            var rest = Substring(text)
            while !rest.isEmpty {
                let take = Int.random(in: 1...12, using: &generator)
                let chunk = String(rest.prefix(take))
                rest = rest.dropFirst(take)
                let tone: LineTone = Int.random(in: 0..<10, using: &generator) == 0 ? .reasoning : .answer
                fast.append(chunk, tone: tone)
                reference.append(chunk, tone: tone)
            }
            #expect(fast.pendingLines == reference.pendingLines, "\(text.debugDescription) at \(width)")
            for line in 0...fast.lines.count {
                #expect(fast.startOffset(ofLine: line) == reference.startOffset(ofLine: line), "\(text.debugDescription) at \(width)")
            }
            fast.finish()
            reference.finish()
            #expect(fast.lines == reference.lines, "\(text.debugDescription) at \(width)")
        }
    }
}
