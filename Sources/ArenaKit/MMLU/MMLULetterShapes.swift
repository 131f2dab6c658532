/// How a letter stands in a response: enclosed, glued to a word, at the start of a line, at
/// the end of a clause. The building blocks of answer extraction, over `MMLUAnswerTokens`.
struct MMLULetterShapes {
    let tokens: MMLUAnswerTokens

    /// Marks that decorate a letter on both sides (bold, italics, code, quotes).
    static let decorations: Set<String> = ["*", "_", "`", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{300C}", "\u{300D}"]
    static let openers: Set<String> = ["(", "[", "{", "\u{3010}"]
    static let closers: Set<String> = [")", "]", "}", "\u{3011}"]
    /// Punctuation that may stand between a keyword and its letter.
    static let connectingMarks: Set<String> = [
        "(", "[", "{", ":", "-", "=", "*", "_", "`", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}",
        "\\", "$", ">", "#", "~", "\u{2014}", "\u{2013}", ",", "\u{3001}", "\u{300C}", "\u{3010}", "→", "⇒",
    ]
    /// LaTeX commands whose braces hold a letter: `\boxed{C}`, `\textbf{C}`.
    static let latexCommands: Set<String> = ["boxed", "text", "textbf", "mathbf", "mathrm", "fbox", "textit", "emph"]
    static let openersAndDecorations = openers.union(decorations)
    static let closersAndDecorations = closers.union(decorations)
    /// Marks that may start a line before its content: headings, quotes, bullets.
    static let lineLeaders: Set<String> = ["#", ">", "-", "*", "•", "+", "_", "`", "\"", "(", "[", "\u{2013}", "\u{2014}", "\u{300C}", "\u{3010}"]
    static let leadersAndDecorations = lineLeaders.union(decorations)
    static let leadersOpenersAndDecorations = lineLeaders.union(decorations).union(openers)

    /// A letter token that can name a choice: uppercase ("C"), or lowercase when enclosed or
    /// closed off ("(c)", "c)", "c." at the end), so the articles "a", "e", "o" and "y" are not letters.
    func isLetterShaped(_ index: Int) -> Bool {
        guard tokens.letter(at: index) != nil else { return false }
        if tokens.isUppercase(at: index) { return !isInsideWord(index) }
        return isEnclosed(index) || tokens.isPunctuation(index + 1, in: [")"]) || endsClause(after: index)
    }

    /// A letter between the same marks glued to a word, as in "M*A*S*H" ("k[A]" and "poly(A)"
    /// are brackets glued to a word, see `isEnclosed`).
    private func isInsideWord(_ index: Int) -> Bool {
        guard let letter = tokens[index], let left = tokens[index - 1], let right = tokens[index + 1] else { return false }
        let glued = left.kind == .punctuation && right.kind == .punctuation && !left.isSpaced && !letter.isSpaced && !right.isSpaced
        return glued && left.text == right.text && Self.decorations.contains(left.text) && tokens[index - 2]?.kind == .word
    }

    /// `(C)`, `[C]`, `{C}`, or the same decoration on both sides (`**C**`, `` `C` ``, `"C"`),
    /// but not brackets or marks glued to a word, as in "poly(A)", "k[A]" or "M*A*S*H".
    func isEnclosed(_ index: Int) -> Bool {
        var before = index - 1
        var after = index + 1
        var decorated = false
        while let left = tokens[before], let right = tokens[after],
              left.kind == .punctuation, right.kind == .punctuation,
              Self.decorations.contains(left.text), Self.decorations.contains(right.text) {
            decorated = true
            before -= 1
            after += 1
        }
        if decorated { return !isGlued(from: before + 1, to: after - 1) }
        guard let left = tokens[before], let right = tokens[after],
              left.kind == .punctuation, right.kind == .punctuation else { return false }
        let bracketed = (left.text == "(" && right.text == ")") || (left.text == "[" && right.text == "]")
            || (left.text == "{" && right.text == "}") || (left.text == "\u{3010}" && right.text == "\u{3011}")
        return bracketed && !isGlued(from: before, to: after)
    }

    /// Whether the marks from `first` to `last` touch a word on either side ("poly(A)tail").
    private func isGlued(from first: Int, to last: Int) -> Bool {
        let isLatinWord: (MMLUAnswerTokens.Token?) -> Bool = { token in
            guard let token, token.kind == .word else { return false }
            return !MMLUAnswerTokens.isIdeographic(token.text.first ?? " ")
        }
        let gluedBefore = !(tokens[first]?.isSpaced ?? true) && isLatinWord(tokens[first - 1]) && !Self.latexCommands.contains(tokens[first - 1]?.lowercased ?? "")
        let gluedAfter = !(tokens[last + 1]?.isSpaced ?? true) && isLatinWord(tokens[last + 1])
        return gluedBefore || gluedAfter
    }

    /// Whether the letter is decorated or bracketed in any way: `**C**`, `(C)`, `C)`.
    func isMarked(_ index: Int) -> Bool {
        if isEnclosed(index) { return true }
        guard tokens.isPunctuation(index + 1, in: Self.closers) else { return false }
        return !tokens.isPunctuation(index - 1, in: Self.openers) && (tokens[index]?.isSpaced ?? true)
    }

    /// Whether the letter is the first thing on its line, ignoring leading marks.
    func startsLine(_ index: Int) -> Bool {
        var cursor = index - 1
        while tokens.isPunctuation(cursor, in: Self.leadersOpenersAndDecorations) { cursor -= 1 }
        guard let token = tokens[cursor] else { return true }
        return token.kind == .newline
    }

    /// Whether the letter starts its line as a label: "C.", "C)", "C:", "(C)", "**C.**".
    func isLineLabel(_ index: Int) -> Bool {
        guard tokens.letter(at: index) != nil, startsLine(index) else { return false }
        if isEnclosed(index) { return true }
        let after = skipClosingMarks(after: index)
        return tokens.isPunctuation(index + 1, in: [".", ")", ":", "\u{3001}", "\u{FF0E}"])
            || (after > index + 1 && tokens.isPunctuation(index + 1, in: Self.closers))
    }

    /// Whether the letter ends its clause: end of text or line, ")" , or "." / "!" / "。" before
    /// the end of the sentence, optionally followed by a Japanese copula (です).
    func endsClause(after index: Int) -> Bool {
        var next = index + 1
        while tokens.isPunctuation(next, in: Self.closersAndDecorations) { next += 1 }
        guard let token = tokens[next] else { return true }
        if token.kind == .newline || token.text == ")" { return true }
        if token.kind == .punctuation, [".", "!", "\u{3002}", "\u{FF01}"].contains(token.text) {
            return tokens[next + 1] == nil || !tokens.sameSentence(next, next + 1) || tokens[next + 1]?.kind == .newline
        }
        if token.text == "で" || token.text == "だ" { return true }
        return false
    }

    /// The first token after a letter that is not a closing bracket or decoration.
    func skipClosingMarks(after index: Int) -> Int {
        var cursor = index + 1
        while tokens.isPunctuation(cursor, in: Self.closersAndDecorations) { cursor += 1 }
        return cursor
    }

    /// The first token before a letter that is not an opening bracket, decoration or choice noun.
    func skipOpeningMarks(before index: Int) -> Int {
        var cursor = index - 1
        while tokens.isPunctuation(cursor, in: Self.openersAndDecorations) || tokens.isWord(cursor, in: MMLUAnswerVocabulary.choiceNouns) {
            cursor -= 1
        }
        return cursor
    }
}
