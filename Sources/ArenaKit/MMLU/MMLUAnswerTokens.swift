/// A response split into words, punctuation and line breaks, for answer extraction.
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
    }

    private(set) var tokens: [Token] = []

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
        for character in text {
            if character.isLetter || character.isNumber || (Self.isApostrophe(character) && !word.isEmpty) {
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
    }

    private static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "\u{2019}"
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
}
