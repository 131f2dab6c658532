/// The clauses of a response and what each holds, computed once: a clause ends where a
/// sentence ends, at ";", or before a word such as "but" or "so" ("… would be D if …, but …,
/// so the answer is C" has three). Used to tell a hypothetical ("would … if") from an answer.
struct MMLUClauses {
    /// Words that start a new clause.
    static let joiners: Set<String> = ["but", "so", "however", "therefore", "thus", "hence", "yet", "whereas", "pero", "mais", "aber", "mas", "但", "所以", "因此"]

    /// The clause of each token.
    private var clauseOfToken: [Int] = []
    /// Whether each clause holds a modal verb ("would") and a conditional ("if").
    private var hasModal: [Bool] = []
    private var hasConditional: [Bool] = []

    init(_ tokens: MMLUAnswerTokens) {
        var clause = 0
        var sentence = tokens[0]?.sentence ?? 0
        hasModal = [false]
        hasConditional = [false]
        for index in 0..<tokens.count {
            guard let token = tokens[index] else { continue }
            let startsClause = token.sentence != sentence || tokens.isWord(index, in: Self.joiners)
            if startsClause {
                clause += 1
                hasModal.append(false)
                hasConditional.append(false)
                sentence = token.sentence
            }
            clauseOfToken.append(clause)
            if tokens.isWord(index, in: MMLUAnswerVocabulary.modals) { hasModal[clause] = true }
            // "If I had to choose, I'd say C" is an answer, not a hypothetical.
            let isForcedChoice = tokens.isWord(index, in: ["if"]) && tokens.isWord(index + 1, in: ["i", "forced"])
                && tokens.isWord(index + 2, in: ["had", "have", "must", "to"])
            if tokens.isWord(index, in: MMLUAnswerVocabulary.conditionals) && !isForcedChoice { hasConditional[clause] = true }
            if tokens.isPunctuation(index, in: [";", "\u{FF1B}"]) {
                clause += 1
                hasModal.append(false)
                hasConditional.append(false)
            }
        }
    }

    /// Whether the clause of the token at `index` holds a modal verb.
    func hasModal(around index: Int) -> Bool {
        clauseOfToken.indices.contains(index) && hasModal[clauseOfToken[index]]
    }

    /// Whether the clause of the token at `index` holds a conditional.
    func hasConditional(around index: Int) -> Bool {
        clauseOfToken.indices.contains(index) && hasConditional[clauseOfToken[index]]
    }
}
