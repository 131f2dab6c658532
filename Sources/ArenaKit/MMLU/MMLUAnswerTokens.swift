import Foundation

/// A response split into words, punctuation and line breaks, for answer extraction.
///
/// The text is first put in Unicode compatibility form (NFKC), so full-width letters and marks
/// (`（Ｃ）`, `：`) read as their ASCII forms. Each Chinese or Japanese character is a word of
/// its own, since those languages do not separate words with spaces ("答案是C" is 答 案 是 C).
/// Every token knows its line and its sentence: a sentence ends at a line break or at `.`,
/// `!`, `?`, `;` or `。` followed by a space, a line break or the end.
struct MMLUAnswerTokens {
    /// What a token is.
    enum Kind: Equatable {
        /// Letters and digits (apostrophes between them stay inside: "isn't").
        case word
        /// One punctuation or symbol character.
        case punctuation
        /// A line break.
        case newline
    }

    /// One token; `lowercased` is precomputed for comparisons. `isSpaced` tells whether
    /// whitespace (or the start of the text) comes right before it.
    struct Token {
        var kind: Kind
        var text: String
        var lowercased: String
        var isSpaced: Bool
        /// The 0-based line the token is on.
        var line = 0
        /// The 0-based sentence the token belongs to (a line break starts a new one).
        var sentence = 0
    }

    private(set) var tokens: [Token] = []
    /// Where each sentence's tokens are (line breaks excluded), by sentence number.
    private var sentences: [Range<Int>] = []
    /// Where each line's tokens are (its line break excluded), by line number.
    private var lines: [Range<Int>] = []

    init(_ text: String) {
        var word = ""
        var spaced = true
        var wordSpaced = true
        func append(_ kind: Kind, _ text: String) {
            tokens.append(Token(kind: kind, text: text, lowercased: text.lowercased(), isSpaced: spaced))
            spaced = false
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            // An apostrophe that ended the run is punctuation, not part of the word.
            var trailing: [Character] = []
            while let last = word.last, Self.isApostrophe(last) {
                trailing.insert(word.removeLast(), at: 0)
            }
            spaced = wordSpaced
            if !word.isEmpty { append(.word, word) }
            for character in trailing { append(.punctuation, String(character)) }
            word = ""
        }
        for character in text.precomposedStringWithCompatibilityMapping {
            if Self.isIdeographic(character) {
                flushWord()
                append(.word, String(character))
            } else if character.isLetter || character.isNumber || (Self.isApostrophe(character) && !word.isEmpty) {
                if word.isEmpty { wordSpaced = spaced }
                word.append(character)
            } else {
                flushWord()
                if character.isNewline {
                    append(.newline, "\n")
                    spaced = true
                } else if character.isWhitespace {
                    spaced = true
                } else {
                    append(.punctuation, String(character))
                }
            }
        }
        flushWord()
        numberLinesAndSentences()
    }

    private mutating func numberLinesAndSentences() {
        var lineStart = 0
        var sentenceStart = 0
        for index in tokens.indices {
            tokens[index].line = lines.count
            tokens[index].sentence = sentences.count
            if tokens[index].kind == .newline {
                lines.append(lineStart..<index)
                sentences.append(sentenceStart..<index)
                lineStart = index + 1
                sentenceStart = index + 1
            } else if endsSentence(index) {
                sentences.append(sentenceStart..<(index + 1))
                sentenceStart = index + 1
            }
        }
        lines.append(lineStart..<tokens.count)
        sentences.append(sentenceStart..<tokens.count)
    }

    /// Whether the token at `index` is a full stop, question or exclamation mark or semicolon
    /// that ends a sentence (followed by a space, a line break or the end of the text).
    private func endsSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation else { return false }
        if ["\u{3002}", "\u{FF01}", "\u{FF1F}"].contains(token.text) { return true }
        guard [".", "!", "?", ";"].contains(token.text) else { return false }
        guard let next = self[index + 1] else { return true }
        return next.isSpaced || next.kind == .newline || Self.isIdeographic(next.text.first ?? " ")
    }

    private static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "\u{2019}"
    }

    /// Chinese characters, kana and hangul: each is a word of its own.
    static func isIdeographic(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.isLetter else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    var count: Int { tokens.count }

    subscript(index: Int) -> Token? {
        tokens.indices.contains(index) ? tokens[index] : nil
    }

    /// The choice named by the token at `index` when it is a one-letter word A–D (any case).
    func letter(at index: Int) -> MMLUChoice? {
        guard let token = self[index], token.kind == .word, token.text.count == 1 else { return nil }
        return MMLUChoice(letter: token.text)
    }

    /// Whether the token at `index` is an uppercase letter.
    func isUppercase(at index: Int) -> Bool {
        self[index]?.text.first?.isUppercase ?? false
    }

    func isWord(_ index: Int, in words: Set<String>) -> Bool {
        guard let token = self[index], token.kind == .word else { return false }
        return words.contains(token.lowercased)
    }

    func isPunctuation(_ index: Int, in marks: Set<String>) -> Bool {
        guard let token = self[index], token.kind == .punctuation else { return false }
        return marks.contains(token.text)
    }

    /// Whether the tokens at `index` and `other` are in the same sentence.
    func sameSentence(_ index: Int, _ other: Int) -> Bool {
        guard let first = self[index], let second = self[other] else { return false }
        return first.sentence == second.sentence
    }

    /// The indices of the sentence that holds `index`, without its line break.
    func sentenceRange(around index: Int) -> Range<Int> {
        guard let token = self[index] else { return index..<index }
        return sentences[token.sentence]
    }

    /// The indices of the line `line`, without its line break.
    func lineRange(_ line: Int) -> Range<Int> {
        lines.indices.contains(line) ? lines[line] : 0..<0
    }

    /// The text of tokens in `range`, spaced as in the response.
    func text(_ range: Range<Int>) -> String {
        var result = ""
        for index in range where tokens.indices.contains(index) {
            if tokens[index].isSpaced && !result.isEmpty { result += " " }
            result += tokens[index].text
        }
        return result
    }

    /// The lines that hold something other than line breaks, in order.
    var nonEmptyLines: [Int] {
        lines.indices.filter { !lines[$0].isEmpty }
    }
}
