/// Answers read from the shape of a whole line: a first line that states the answer up front
/// ("C", "**C**", "C.", "c)", "(C)", "C, because …", "C. Mitochondrion", "Option C"), a heading
/// or label followed by the answer on the next line ("### Answer" / "C"), and lines of a walk
/// through the options that carry a verdict ("- C) Mitochondrion (correct)").
struct MMLUAnswerLines {
    typealias Words = MMLUAnswerVocabulary
    let grammar: MMLUAnswerGrammar
    let matcher: MMLUChoiceTextMatcher
    /// Marks after an up-front letter: "C.", "C)", "C:", "C,", "C —".
    private static let separators: Set<String> = [".", ")", ":", ",", "-", "\u{2014}", "\u{2013}", "(", "\u{3002}", "\u{3001}", ";", "!"]
    /// Words that approve a labelled line: "(correct)", "— yes".
    private static let lineApprovals: Set<String> = Words.approvals.subtracting(["answer", "respuesta", "réponse", "antwort", "resposta", "best"]).union(["yes", "sí", "oui", "ja", "sim", "是"])
    /// Words that reject a labelled line: "(incorrect)", "— no".
    private static let lineRejections: Set<String> = ["incorrect", "wrong", "false", "no", "incorrecta", "incorrecto", "falsa", "falso", "incorrecte", "fausse", "faux", "falsch", "nein", "inkorrekt", "errada", "errado", "incorreta", "incorreto", "não", "错", "錯", "误", "誤"]
    /// Marks between the letters of a row: "(A) (B)", "A, B".
    private static let betweenLetters = MMLULetterShapes.openersAndDecorations.union([",", ".", ")"])
    private var tokens: MMLUAnswerTokens { grammar.tokens }
    private var shapes: MMLULetterShapes { grammar.shapes }

    /// What a line says on its own.
    enum Shape: Equatable {
        /// The line states these choices (more than one: "Both A and C", or a letter whose
        /// text is another choice's: "C. Ribosome").
        case answer(Set<MMLUChoice>, at: Int)
        /// The line hedges between letters: "A or B".
        case hedge
    }

    /// What `line` states when read as an answer line: a letter first (after marks, "Option",
    /// "Both"), then the end of the line, a separator, or explanation. Nil for anything else,
    /// including the first item of a list of the choices ("A. Nucleus" followed by "B. …").
    /// With `bare`, only a letter and marks may be on the line.
    func shape(of line: Int, bare: Bool) -> Shape? {
        let range = tokens.lineRange(line)
        var cursor = firstContent(of: range)
        var joined = false
        if tokens.isWord(cursor, in: ["both", "ambas", "ambos", "beide", "les", "deux", "两", "兩"]) {
            joined = true
            cursor += 1
        }
        while tokens.isWord(cursor, in: Words.choiceNouns) || tokens.isPunctuation(cursor, in: MMLULetterShapes.openersAndDecorations) {
            cursor += 1
        }
        guard range.contains(cursor), let letter = tokens.letter(at: cursor), shapes.isLetterShaped(cursor) || shapes.isMarked(cursor) else {
            return nil
        }
        let after = shapes.skipClosingMarks(after: cursor)
        let rest = after..<range.upperBound
        if bare {
            let onlyMarks = rest.allSatisfy { tokens.isPunctuation($0, in: [".", "!", ":", "\u{3002}"]) }
            return onlyMarks && !isListItem(cursor) ? .answer([letter], at: cursor) : nil
        }
        if rest.isEmpty { return isListItem(cursor) ? nil : .answer([letter], at: cursor) }
        let companions = grammar.companions(of: cursor)
        if companions.isHedge { return .hedge }
        if !companions.letters.isEmpty {
            // "Both A and C", "A and C are correct", a line of nothing but letters: several answers.
            let onlyLetters = (companions.end..<range.upperBound).allSatisfy { tokens[$0]?.kind == .punctuation }
            return joined || onlyLetters || grammar.approval(of: cursor) != nil
                ? .answer(Set([letter] + companions.letters), at: cursor) : nil
        }
        if followedByAnotherLetter(after) { return nil }
        let introducesReason = tokens.isWord(after, in: ["because", "since", "as", "porque", "parce", "weil", "denn", "pois", "因为", "因為"])
        guard tokens.isPunctuation(after, in: Self.separators) || shapes.isEnclosed(cursor) || shapes.isMarked(cursor) || introducesReason else { return nil }
        if grammar.isRejected(cursor) || isListItem(cursor) || grammar.isNegatedMention(cursor) { return nil }
        return .answer(statedWithText(letter, textAfter: cursor + 1, in: range), at: cursor)
    }

    /// Whether another letter follows at once, as in "(A) (B) (C)": a row of letters, not an answer.
    private func followedByAnotherLetter(_ start: Int) -> Bool {
        var cursor = start
        while tokens.isPunctuation(cursor, in: Self.betweenLetters) { cursor += 1 }
        return tokens.letter(at: cursor) != nil && (tokens.isUppercase(at: cursor) || shapes.isEnclosed(cursor))
    }

    /// The letter, plus the choice its following text names when that is another choice
    /// ("C. Ribosome"); the text must follow a separator.
    func statedWithText(_ letter: MMLUChoice, textAfter start: Int, in line: Range<Int>) -> Set<MMLUChoice> {
        guard tokens.isPunctuation(start, in: [".", ")", "]", ":", "-", "\u{2014}", "\u{2013}", "*", "_"]) else { return [letter] }
        var cursor = start
        while tokens.isPunctuation(cursor, in: [".", ")", ":", "-", "\u{2014}", "\u{2013}", "*", "_"]) { cursor += 1 }
        guard cursor < line.upperBound, let named = matcher.choiceStarting(tokens.text(cursor..<line.upperBound)) else { return [letter] }
        return named == letter ? [letter] : [letter, named]
    }

    /// Whether an enclosed letter labels the text of its own choice just before it, as in
    /// "the nucleus (A) stores DNA": a reference, not an answer.
    func isLabelOfItsOwnText(_ index: Int) -> Bool {
        guard let letter = tokens.letter(at: index), shapes.isEnclosed(index) else { return false }
        var opener = index - 1
        while tokens.isPunctuation(opener, in: MMLULetterShapes.openersAndDecorations) { opener -= 1 }
        let sentence = tokens.sentenceRange(around: index)
        let start = max(sentence.lowerBound, opener - 8)
        guard start <= opener else { return false }
        return matcher.endsWithChoice(tokens.text(start..<(opener + 1))) == letter
    }

    /// Whether a line label is one item of a list of the choices: the next labelled line goes
    /// on with the next letter ("A. …" then "B. …"), or the previous one led up to it.
    func isListItem(_ index: Int) -> Bool {
        guard let letter = tokens.letter(at: index), shapes.isLineLabel(index), let line = tokens[index]?.line else { return false }
        let lines = tokens.nonEmptyLines
        guard let position = lines.firstIndex(of: line) else { return false }
        let neighbours = [position + 1, position - 1].filter { lines.indices.contains($0) }.map { lines[$0] }
        for neighbour in neighbours {
            guard let label = labelLetter(of: neighbour) else { continue }
            if abs(label.index - letter.index) == 1 { return true }
        }
        return false
    }

    /// The letter a line starts with as a label ("B." / "- (B)" / "**B)**"), if any.
    func labelLetter(of line: Int) -> MMLUChoice? {
        let range = tokens.lineRange(line)
        let cursor = firstContent(of: range)
        guard range.contains(cursor), shapes.isLineLabel(cursor) else { return nil }
        return tokens.letter(at: cursor)
    }

    /// Where a line's content starts: after heading, quote and bullet marks and a list number ("3.").
    private func firstContent(of range: Range<Int>) -> Int {
        var cursor = range.lowerBound
        let leaders = MMLULetterShapes.leadersAndDecorations
        while tokens.isPunctuation(cursor, in: leaders) { cursor += 1 }
        if let token = tokens[cursor], token.kind == .word, token.text.allSatisfy(\.isNumber), tokens.isPunctuation(cursor + 1, in: [".", ")"]) {
            cursor += 2
            while tokens.isPunctuation(cursor, in: leaders) { cursor += 1 }
        }
        return cursor
    }

    /// Whether `line` only announces an answer: "### Answer", "**Final answer:**", "The answer
    /// is:", "Respuesta:", "答案：". It holds an answer keyword and no letter.
    func isLabel(_ line: Int) -> Bool {
        let range = tokens.lineRange(line)
        var sawKeyword = false
        for index in range {
            guard let token = tokens[index] else { continue }
            if token.kind == .punctuation { continue }
            if tokens.letter(at: index) != nil && token.text.first?.isUppercase == true { return false }
            if grammar.keywordKind(at: index) == .noun || Words.ideographicKeywords.contains(token.lowercased) {
                sawKeyword = true
            } else if !(Words.fillers.contains(token.lowercased) || Words.qualifiers.contains(token.lowercased)
                        || Words.copulas.contains(token.lowercased) || Words.choiceNouns.contains(token.lowercased)
                        || ["here", "my", "our", "your", "final"].contains(token.lowercased)) {
                return false
            }
        }
        return sawKeyword
    }

    /// The verdict a labelled line gives its letter, for walks through the options: true for
    /// "- C) Mitochondrion (correct)" / "C: ✓" / "C — yes", false for "(incorrect)" / "wrong" /
    /// "❌" / "not correct", nil when it gives none. Verdict words count in brackets, after a
    /// separator or at the end of the line; marks count anywhere.
    func verdict(of line: Int) -> (MMLUChoice, Bool)? {
        guard let letter = labelLetter(of: line) else { return nil }
        let range = tokens.lineRange(line)
        var approved = false
        var rejected = false
        let words = range.filter { tokens[$0]?.kind == .word }
        for index in range {
            if tokens.isPunctuation(index, in: Words.approvalMarks) { approved = true }
            if tokens.isPunctuation(index, in: Words.rejectionMarks) { rejected = true }
            guard tokens[index]?.kind == .word, index != words.first else { continue }
            let placed = tokens.isPunctuation(index - 1, in: ["(", ":", "-", "\u{2014}", "\u{2013}", "→", "*", "[", ","]) || index == words.last
            if tokens.isWord(index, in: Self.lineRejections) && (placed || tokens.isWord(index, in: ["incorrect", "wrong", "incorrecta", "incorrecto", "falsch", "incorreta"])) {
                rejected = true
            } else if tokens.isWord(index, in: Self.lineApprovals) && placed {
                if grammar.isNegation(index - 1) || tokens.isWord(index - 1, in: ["is"]) && grammar.isNegation(index - 2) { rejected = true } else { approved = true }
            }
        }
        if rejected { return (letter, false) }
        return approved ? (letter, true) : nil
    }
}
