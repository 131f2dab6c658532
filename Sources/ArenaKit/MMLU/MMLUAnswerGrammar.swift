/// What the words around a letter say about it: stated as the answer ("the answer is C"),
/// declared right or wrong ("C is correct", "(B) is wrong"), negated ("not D"), joined to other
/// letters ("A or B", "A and C") or hypothetical ("D would be right if …").
struct MMLUAnswerGrammar {
    typealias Words = MMLUAnswerVocabulary
    let tokens: MMLUAnswerTokens
    let shapes: MMLULetterShapes
    private let clauses: MMLUClauses

    /// Words that recall an abandoned belief before a keyword: "I initially thought the answer was A".
    private static let beliefs: Set<String> = ["thought", "initially", "originally", "first", "tempted", "guessed", "assumed", "pensé", "pensaba", "dachte", "pensei"]
    /// Words that may stand between a negation and a keyword: "I would not choose".
    private static let skippedBeforeKeyword: Set<String> = ["i", "we", "would", "will", "do", "does", "did", "really", "definitely", "certainly", "probably", "je", "ich", "eu", "yo", "我", "会", "會", "should", "could", "the", "that", "think", "believe", "say", "sure", "i'm", "am"]
    /// Words that may stand between a negation and a letter: "not the answer D".
    private static let skippedBeforeMention: Set<String> = ["the", "of", "answer", "with", "to", "is", "was", "be", "是", "la", "el", "die", "der", "a", "o"]
    /// Words right after a statement or verdict that make it conditional: "D is correct only for …".
    private static let conditionsAfterVerdict: Set<String> = ["only", "if", "unless", "when", "provided", "assuming", "si", "wenn", "falls", "如果", "若", "なら"]

    init(_ tokens: MMLUAnswerTokens) {
        self.tokens = tokens
        self.shapes = MMLULetterShapes(tokens: tokens)
        self.clauses = MMLUClauses(tokens)
    }

    /// A keyword that states the letter after it as the answer.
    struct Introduction {
        /// Where the keyword is.
        var keyword: Int
        /// Whether a modal verb ("would") stands between the keyword and the letter.
        var hasModal: Bool
    }

    /// What kind of answer keyword a word is, if any.
    enum KeywordKind { case noun, verb }

    // MARK: - Statements

    /// The keyword that states the letter at `index` as the answer, looking back within its
    /// sentence over fillers and marks: "The answer is C", "Answer: (C)", "the correct option is
    /// (c)", "\boxed{C}", "I'd go with D", "La respuesta es la C", "答案是C", "正解は C". Nil
    /// when there is none or the statement is negated ("The answer is not D", "I would not choose D").
    func introduction(of index: Int) -> Introduction? {
        guard shapes.isLetterShaped(index) else { return nil }
        var cursor = index - 1
        var sawChoiceNoun = false, sawQualifier = false, sawCopula = false, hasModal = false
        var steps = 0
        while let token = tokens[cursor], steps < 14, tokens.sameSentence(cursor, index), token.kind != .newline {
            steps += 1
            if token.kind == .punctuation {
                guard MMLULetterShapes.connectingMarks.contains(token.text) else { return nil }
                if Words.copulas.contains(token.text) { sawCopula = true }
                cursor -= 1
                continue
            }
            let word = token.lowercased
            if let negation = negatedAlternative(endingAt: cursor) {
                // "The answer is not D but C": read on past "not D but".
                cursor = negation - 1
                continue
            }
            if isNegation(cursor) { return nil }
            if Words.copulas.contains(word) { sawCopula = true }
            if let kind = keywordKind(at: cursor) {
                // "I'll answer C": the noun used as a verb.
                let usedAsVerb = tokens.isWord(cursor - 1, in: ["i", "i'll", "i'd", "we", "will", "would", "we'll"])
                if kind == .noun && !sawCopula && !usedAsVerb { return nil }
                if isNegated(before: cursor) || isPastBelief(before: cursor) { return nil }
                return Introduction(keyword: cursor, hasModal: hasModal)
            }
            if Words.weakKeywords.contains(word) && steps <= 3 && (shapes.endsClause(after: index) || shapes.isEnclosed(index)) {
                return isNegated(before: cursor) ? nil : Introduction(keyword: cursor, hasModal: hasModal)
            }
            if word == "with" && tokens.isWord(cursor - 1, in: ["go", "going", "went"]) {
                return isNegated(before: cursor - 1) ? nil : Introduction(keyword: cursor, hasModal: hasModal)
            }
            if Words.choiceNouns.contains(word) {
                if sawQualifier && sawCopula { return Introduction(keyword: cursor, hasModal: hasModal) }
                sawChoiceNoun = true
            } else if Words.qualifiers.contains(word) && sawChoiceNoun && sawCopula {
                return isNegated(before: cursor) ? nil : Introduction(keyword: cursor, hasModal: hasModal)
            } else if Words.qualifiers.contains(word) {
                sawQualifier = true
            } else if Words.modals.contains(word) {
                hasModal = true
            } else if Words.copulas.contains(word) {
                sawCopula = true
            } else if !Words.fillers.contains(word) {
                return nil
            }
            cursor -= 1
        }
        return nil
    }

    /// Whether the word at `index` introduces an answer, and how.
    func keywordKind(at index: Int) -> KeywordKind? {
        guard let token = tokens[index], token.kind == .word else { return nil }
        let word = token.lowercased
        if Words.answerNouns.contains(word) { return .noun }
        if Words.answerVerbs.contains(word) { return .verb }
        if word == "え" && tokens[index - 1]?.text == "答" { return .verb }
        if Words.ideographicKeywords.contains(word) {
            // 选项 / 選択肢 name an option; they do not choose one.
            if tokens.isWord(index + 1, in: ["项", "項", "肢", "択", "择", "擇"]) { return nil }
            return .verb
        }
        return nil
    }

    /// Where "not" is in "not D but" when `index` is the "but" ("sino", "sondern", "mais"), so a
    /// statement reads past the ruled-out letter.
    private func negatedAlternative(endingAt index: Int) -> Int? {
        guard tokens.isWord(index, in: ["but", "sino", "sondern", "mais", "mas", "而"]) else { return nil }
        var letter = index - 1
        while tokens.isPunctuation(letter, in: MMLULetterShapes.closersAndDecorations.union([","])) { letter -= 1 }
        guard tokens.letter(at: letter) != nil else { return nil }
        var negation = letter - 1
        while tokens.isPunctuation(negation, in: MMLULetterShapes.openersAndDecorations) || tokens.isWord(negation, in: Words.choiceNouns) { negation -= 1 }
        return isNegation(negation) ? negation : nil
    }

    /// Whether the clause before a keyword recalls an abandoned belief: "I initially thought
    /// the answer was A".
    private func isPastBelief(before index: Int) -> Bool {
        var cursor = index - 1
        var steps = 0
        while let token = tokens[cursor], token.kind != .newline, steps < 5, tokens.sameSentence(cursor, index) {
            if tokens.isWord(cursor, in: Self.beliefs) { return true }
            cursor -= 1
            steps += 1
        }
        return false
    }

    /// Whether the word at `index` negates: "not", "never", "isn't", "不".
    func isNegation(_ index: Int) -> Bool {
        guard let token = tokens[index], token.kind == .word else { return false }
        return Words.negations.contains(token.lowercased) || token.lowercased.hasSuffix("n't") || token.lowercased.hasSuffix("n\u{2019}t")
    }

    /// Whether a negation stands just before the keyword at `index`: "I would not choose D",
    /// "I wouldn't pick D", "不选D".
    func isNegated(before index: Int) -> Bool {
        var cursor = index - 1
        var steps = 0
        while let token = tokens[cursor], token.kind != .newline, steps < 4, tokens.sameSentence(cursor, index) {
            steps += 1
            if isNegation(cursor) { return true }
            guard token.kind == .word, Self.skippedBeforeKeyword.contains(token.lowercased) else { return false }
            cursor -= 1
        }
        return false
    }

    /// Whether a negation rules out the letter at `index`: "not (A)", "rule out D", "except C",
    /// "instead of D", "不是C".
    func isNegatedMention(_ index: Int) -> Bool {
        var cursor = shapes.skipOpeningMarks(before: index)
        var steps = 0
        while let token = tokens[cursor], token.kind == .word, steps < 3, tokens.sameSentence(cursor, index) {
            steps += 1
            if isNegation(cursor) { return true }
            guard Self.skippedBeforeMention.contains(token.lowercased) else { return false }
            cursor -= 1
        }
        return false
    }

    /// Whether the letter is only being looked at: "consider option A", "let's check (B)".
    func isUnderExamination(_ index: Int) -> Bool {
        var cursor = shapes.skipOpeningMarks(before: index)
        var steps = 0
        while let token = tokens[cursor], token.kind == .word, steps < 3 {
            if Words.examinations.contains(token.lowercased) { return true }
            guard ["the", "at", "with", "of"].contains(token.lowercased) else { return false }
            cursor -= 1
            steps += 1
        }
        return false
    }

    // MARK: - Verdicts after a letter

    /// Where the verdict on a letter starts: after closing marks, separators and joined letters
    /// ("A and B are wrong").
    private func verdictStart(after index: Int) -> Int {
        var cursor = shapes.skipClosingMarks(after: index)
        while true {
            if tokens.isPunctuation(cursor, in: [":", "-", "\u{2014}", "\u{2013}", "(", "→", "=", "*"]) {
                cursor += 1
            } else if (tokens.isPunctuation(cursor, in: [",", "&", "\u{3001}"]) || tokens.isWord(cursor, in: Words.conjunctions)),
                      tokens.letter(at: cursor + 1) != nil {
                cursor = shapes.skipClosingMarks(after: cursor + 1)
            } else {
                return cursor
            }
        }
    }

    /// Whether the letter is declared wrong: "(B) is wrong", "B: incorrect", "B ❌", "B isn't",
    /// "Bは間違い", "B是错的", "Cではない".
    func isRejected(_ index: Int) -> Bool {
        var cursor = verdictStart(after: index)
        if tokens.isPunctuation(cursor, in: Words.rejectionMarks) { return true }
        if tokens[cursor]?.text == "で" && tokens[cursor + 1]?.text == "は" { return true }
        var steps = 0
        while steps < 5, let token = tokens[cursor], token.kind == .word {
            if Words.rejections.contains(token.lowercased) || isNegation(cursor) {
                // "C, not D" and "C (not D)" rule out D, not C.
                var next = cursor + 1
                while tokens.isPunctuation(next, in: MMLULetterShapes.openersAndDecorations) || tokens.isWord(next, in: Words.choiceNouns) { next += 1 }
                return tokens.letter(at: next) == nil
            }
            guard Words.verdictCopulas.contains(token.lowercased) else { return false }
            cursor += 1
            steps += 1
        }
        return false
    }

    /// Where the word or mark declaring the letter right is: "(C) is correct", "C is the best
    /// answer", "C (correct)", "C ✓", "C es la correcta", "C是正确的", "Cが正解です".
    func approval(of index: Int) -> Int? {
        guard shapes.isLetterShaped(index) || shapes.isMarked(index) else { return nil }
        var cursor = verdictStart(after: index)
        if tokens.isPunctuation(cursor, in: Words.approvalMarks) { return cursor }
        var steps = 0
        while steps < 5, let token = tokens[cursor], token.kind == .word {
            if Words.approvals.contains(token.lowercased) { return cursor }
            guard Words.verdictCopulas.contains(token.lowercased) || Words.modals.contains(token.lowercased) else { return nil }
            cursor += 1
            steps += 1
        }
        return nil
    }

    /// The letters joined to the one at `index` ("A and C", "A, C", "A、C"), whether it is a
    /// hedge between alternatives ("A or B", "A/B"), and where the last letter's marks end.
    func companions(of index: Int) -> (letters: [MMLUChoice], isHedge: Bool, end: Int) {
        var letters: [MMLUChoice] = []
        var isHedge = false
        var cursor = shapes.skipClosingMarks(after: index)
        while true {
            var next = cursor
            var hedging = false
            if tokens.isPunctuation(next, in: [",", "/", "&", "\u{3001}", "|"]) {
                hedging = tokens.isPunctuation(next, in: ["/", "|"])
                next += 1
            }
            if tokens.isWord(next, in: Words.alternatives) {
                hedging = true
                next += 1
            } else if tokens.isWord(next, in: Words.conjunctions) {
                next += 1
            }
            guard next > cursor else { break }
            while tokens.isPunctuation(next, in: MMLULetterShapes.openersAndDecorations) || tokens.isWord(next, in: Words.choiceNouns) {
                next += 1
            }
            guard let letter = tokens.letter(at: next), tokens.isUppercase(at: next) || shapes.isEnclosed(next) else { break }
            letters.append(letter)
            isHedge = isHedge || hedging
            cursor = shapes.skipClosingMarks(after: next)
        }
        return (letters, isHedge, cursor)
    }

    // MARK: - Hypotheticals and revisions

    /// Whether a statement or verdict ending at `end` (the letter, or the word declaring it right)
    /// is hypothetical: followed at once by a condition ("D is correct only for …", "D if …"),
    /// or made with a modal verb in a sentence with a condition ("would be D if …").
    func isHypothetical(after end: Int, hasModal: Bool) -> Bool {
        var cursor = shapes.skipClosingMarks(after: end)
        while tokens.isPunctuation(cursor, in: [",", "(", "\u{3001}"]) { cursor += 1 }
        if tokens.isWord(cursor, in: Self.conditionsAfterVerdict), tokens.sameSentence(cursor, end) { return true }
        return (hasModal || clauses.hasModal(around: end)) && clauses.hasConditional(around: end)
    }

    /// Whether the statement at `index` revises earlier ones: its sentence, or a short sentence
    /// just before it, says "wait", "actually", "correction" or the like.
    func isRevision(_ index: Int) -> Bool {
        let sentence = tokens.sentenceRange(around: index)
        if (max(sentence.lowerBound, index - 40)..<max(sentence.lowerBound, index)).contains(where: isRevisionWord) { return true }
        if tokens.isWord(firstWord(in: sentence), in: ["no", "nein", "non", "não"]) { return true }
        var previous = sentence.lowerBound - 1
        while tokens[previous]?.kind == .newline { previous -= 1 }
        guard previous >= 0 else { return false }
        let before = tokens.sentenceRange(around: previous)
        let words = before.filter { tokens[$0]?.kind == .word }
        return words.count <= 3 && words.contains(where: isRevisionWord)
    }

    private func isRevisionWord(_ index: Int) -> Bool {
        tokens.isWord(index, in: Words.corrections)
    }

    private func firstWord(in range: Range<Int>) -> Int {
        range.first { tokens[$0]?.kind == .word } ?? -1
    }
}
