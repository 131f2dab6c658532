/// A command line split into words the way a POSIX shell splits a simple one, for `$EDITOR`
/// values such as `code -w` or `"/opt/My Editor/edit" --wait`: words are separated by blanks;
/// single quotes keep everything inside; double quotes keep everything but `\\"` and `\\\\`;
/// a backslash outside quotes keeps the next character. Nothing else of the shell applies (no
/// variables, globs, `~` or operators).
enum ShellWords {
    /// The words of `line`; `nil` when a quote is not closed.
    static func split(_ line: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                if quote == "\"" && character != "\"" && character != "\\" { word.append("\\") }
                word.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" || character == "\n" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if escaped { word.append("\\") }
        if inWord { words.append(word) }
        return words
    }
}
