/// The answers a response states (rule 1 of `MMLUAnswerExtractor`): explicit statements, an
/// answer up front, a label line followed by its answer, lines holding only a letter.
struct MMLUStatedAnswers {
    typealias Words = MMLUAnswerVocabulary

    /// One stated answer: the choices it names (usually one) and where it is.
    struct Statement {
        var choices: Set<MMLUChoice>
        var position: Int
        /// Whether it revises the statements before it ("Wait, the answer is C").
        var revises: Bool
    }

    /// Words that end the text a keyword names: "the mitochondrion, because …".
    private static let clauseStops: Set<String> = ["because", "since", "as", "which", "porque", "parce", "weil", "pois", "因为", "因為"]

    private(set) var statements: [Statement] = []
    /// Whether a statement hedged between letters ("The answer is A or B").
    private(set) var isHedged = false

    private let grammar: MMLUAnswerGrammar
    private let lines: MMLUAnswerLines
    private let matcher: MMLUChoiceTextMatcher
    private var tokens: MMLUAnswerTokens { grammar.tokens }

    init(grammar: MMLUAnswerGrammar, lines: MMLUAnswerLines, matcher: MMLUChoiceTextMatcher) {
        self.grammar = grammar
        self.lines = lines
        self.matcher = matcher
        collectKeywordStatements()
        collectLineStatements()
    }

    /// The choice the statements agree on, `unclear` when they conflict, nil when there are none.
    func reading() -> MMLUAnswerReading? {
        guard !statements.isEmpty else { return nil }
        var current = Set<MMLUChoice>()
        for statement in statements.sorted(by: { $0.position < $1.position }) {
            if statement.revises {
                current = statement.choices
            } else {
                current.formUnion(statement.choices)
            }
        }
        guard current.count == 1, let only = current.first else { return .unclear }
        return .choice(only)
    }

    // MARK: - Statements with a keyword

    private mutating func collectKeywordStatements() {
        for index in 0..<tokens.count {
            if let letter = tokens.letter(at: index) {
                guard let introduction = grammar.introduction(of: index), !grammar.isRejected(index),
                      !grammar.isHypothetical(after: index, hasModal: introduction.hasModal) else { continue }
                let companions = grammar.companions(of: index)
                if companions.isHedge {
                    isHedged = true
                    continue
                }
                var choices = Set([letter] + companions.letters)
                if let line = tokens[index]?.line, companions.letters.isEmpty {
                    // "Answer: C) Golgi apparatus": a letter with another choice's text conflicts.
                    choices = lines.statedWithText(letter, textAfter: index + 1, in: tokens.lineRange(line))
                }
                add(choices, at: index)
            } else if grammar.keywordKind(at: index) != nil, let choice = choiceNamedAfterKeyword(index) {
                add([choice], at: index)
            }
        }
    }

    /// The choice a keyword names by its text ("The answer is the mitochondrion."), read up to
    /// the end of the clause; nil when a letter, a negation or nothing follows.
    private func choiceNamedAfterKeyword(_ keyword: Int) -> MMLUChoice? {
        guard !grammar.isNegated(before: keyword) else { return nil }
        let sentence = tokens.sentenceRange(around: keyword)
        var cursor = keyword + 1
        var sawCopula = grammar.keywordKind(at: keyword) == .verb
        while sentence.contains(cursor), let token = tokens[cursor] {
            if token.kind == .punctuation && Words.copulas.contains(token.text) || Words.copulas.contains(token.lowercased) { sawCopula = true }
            let isFiller = token.kind == .punctuation ? MMLULetterShapes.connectingMarks.contains(token.text)
                : Words.fillers.contains(token.lowercased) || Words.copulas.contains(token.lowercased) || Words.qualifiers.contains(token.lowercased)
            guard isFiller, !grammar.isNegation(cursor) else { break }
            cursor += 1
        }
        guard sawCopula, sentence.contains(cursor), tokens.letter(at: cursor) == nil, !grammar.isNegation(cursor) else { return nil }
        guard !grammar.isHypothetical(after: cursor, hasModal: false) else { return nil }
        var end = cursor
        while sentence.contains(end), !tokens.isPunctuation(end, in: [",", ";", "(", "\u{3001}"]),
              !grammar.isNegation(end), !tokens.isWord(end, in: Self.clauseStops) {
            end += 1
        }
        guard end > cursor else { return nil }
        return matcher.statedChoice(tokens.text(cursor..<end))
    }

    // MARK: - Statements made by a line's shape

    private mutating func collectLineStatements() {
        let nonEmpty = tokens.nonEmptyLines
        for (position, line) in nonEmpty.enumerated() {
            if position == 0 {
                if !isInRunOfLetters(position, of: nonEmpty) { collectUpFront(line) }
            } else if lines.isLabel(nonEmpty[position - 1]) {
                collectShape(of: line, bare: false)
            } else if !isInRunOfLetters(position, of: nonEmpty) && !startsWithBullet(line) {
                collectShape(of: line, bare: true)
            }
        }
    }

    /// Whether a line of only a letter has such a line next to it ("A⏎B⏎C"): a list, not an answer.
    private func isInRunOfLetters(_ position: Int, of nonEmpty: [Int]) -> Bool {
        [position - 1, position + 1].contains { neighbour in
            nonEmpty.indices.contains(neighbour) && lines.shape(of: nonEmpty[neighbour], bare: true) != nil
        }
    }

    /// Whether a line starts with a bullet ("- A"): an item of a list, not an answer.
    private func startsWithBullet(_ line: Int) -> Bool {
        tokens.isPunctuation(tokens.lineRange(line).lowerBound, in: ["-", "*", "•", "+"])
    }

    /// The first line: its shape, or a verdict on its letter ("C is correct."), unless it
    /// already holds a statement.
    private mutating func collectUpFront(_ line: Int) {
        let range = tokens.lineRange(line)
        guard !statements.contains(where: { range.contains($0.position) }) else { return }
        if let exact = matcher.exactChoice(tokens.text(range)) {
            add([exact], at: range.lowerBound)
            return
        }
        for index in range {
            guard let letter = tokens.letter(at: index), !grammar.isNegatedMention(index),
                  let word = grammar.approval(of: index), !grammar.isHypothetical(after: word, hasModal: false) else { continue }
            add(Set([letter] + grammar.companions(of: index).letters), at: index)
        }
        guard !statements.contains(where: { range.contains($0.position) }) else { return }
        collectShape(of: line, bare: false)
    }

    private mutating func collectShape(of line: Int, bare: Bool) {
        switch lines.shape(of: line, bare: bare) {
        case .answer(let choices, let position)?:
            add(choices, at: position)
        case .hedge?:
            isHedged = true
        case nil:
            let range = tokens.lineRange(line)
            if !bare, let exact = matcher.exactChoice(tokens.text(range)) { add([exact], at: range.lowerBound) }
        }
    }

    private mutating func add(_ choices: Set<MMLUChoice>, at position: Int) {
        statements.append(Statement(choices: choices, position: position, revises: grammar.isRevision(position)))
    }
}
