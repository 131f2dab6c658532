/// Splits text into the units a word diff compares: runs of whitespace, runs of word
/// characters (letters, digits, marks, "_"), and single other characters (punctuation,
/// symbols, emoji). Ideographs and kana form one token each, since those scripts do not put
/// spaces between words. Works on Characters, so a grapheme cluster is never split; the
/// tokens concatenate back to the original text.
enum WordTokenizer {
    private enum Category: Equatable {
        case whitespace
        case word
        case single
    }

    static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var current: Category?
        var index = text.startIndex
        while index < text.endIndex {
            let category = Self.category(of: text[index])
            if let running = current, running != category || category == .single {
                tokens.append(text[start..<index])
                start = index
            }
            current = category
            index = text.index(after: index)
        }
        if start < text.endIndex { tokens.append(text[start..<text.endIndex]) }
        return tokens
    }

    private static func category(of character: Character) -> Category {
        if character.isWhitespace { return .whitespace }
        guard let scalar = character.unicodeScalars.first else { return .single }
        if scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) { return .single }
        if character.isLetter || character.isNumber || character == "_" { return .word }
        return .single
    }
}
