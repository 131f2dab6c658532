/// Recognises a choice quoted by its text ("The answer is mitochondria."), for answers that
/// name no letter. Comparison ignores case, runs of whitespace, markdown emphasis and a final
/// period; a match must start and end at word boundaries.
struct MMLUChoiceTextMatcher {
    private let choices: [[Character]]

    init(choices: [String]) {
        self.choices = choices.map { Self.normalize($0, droppingFinalPeriod: true) }
    }

    /// The choice whose text is the whole response (ignoring case, spacing, emphasis and a final
    /// period), unless that text is a single letter A–D, which reads as a letter first.
    func exactChoice(_ response: String) -> MMLUChoice? {
        guard isUsable else { return nil }
        let whole = Self.normalize(response, droppingFinalPeriod: true)
        guard let index = choices.firstIndex(of: whole) else { return nil }
        if whole.count == 1, MMLUChoice(letter: whole[0]) != nil { return nil }
        return MMLUChoice(index: index)
    }

    /// Four distinct, non-empty choices: otherwise a quoted text cannot name one.
    private var isUsable: Bool {
        choices.count == 4 && !choices.contains(where: \.isEmpty) && Set(choices.map { String($0) }).count == 4
    }

    /// The only choice quoted in the text after the last "answer", or else in the whole text.
    /// Nil when none or several are quoted, or when choices repeat each other.
    func match(in response: String) -> MMLUChoice? {
        guard isUsable else { return nil }
        let text = Self.normalize(response, droppingFinalPeriod: false)
        if let whole = choices.firstIndex(of: Self.normalize(response, droppingFinalPeriod: true)) {
            return MMLUChoice(index: whole)
        }
        if let tail = Self.tail(afterLastAnswerIn: text), let found = uniqueMatch(in: tail) {
            return found
        }
        // Anywhere in a longer text, a very short choice ("2", "No") is too likely to be a coincidence.
        guard let found = uniqueMatch(in: text), choices[found.index].count > 2 else { return nil }
        return found
    }

    /// The choice named by a statement's remainder ("the mitochondrion.", "3", "II and III
    /// only"): the only choice quoted in it, however short.
    func statedChoice(_ text: String) -> MMLUChoice? {
        guard isUsable else { return nil }
        return uniqueMatch(in: Self.normalize(text, droppingFinalPeriod: true))
    }

    /// The choice whose text starts `text` and is followed by punctuation or nothing (the
    /// longest), as in "Mitochondrion, because …" or "Ribosome" after "C.".
    func choiceStarting(_ text: String) -> MMLUChoice? {
        guard isUsable else { return nil }
        let normalized = Self.normalize(text, droppingFinalPeriod: true)
        var best: Int?
        for (index, choice) in choices.enumerated() where !choice.isEmpty && normalized.starts(with: choice) {
            // The choice must be all the label says: what follows is punctuation or nothing.
            let next = normalized[choice.count...].first { $0 != " " }
            if next.map({ !Self.isWordCharacter($0) }) ?? true, best.map({ choices[$0].count < choice.count }) ?? true { best = index }
        }
        return best.flatMap { MMLUChoice(index: $0) }
    }

    /// The choice whose text ends `text` at a word boundary (the longest), as in "the nucleus"
    /// before "(A)".
    func endsWithChoice(_ text: String) -> MMLUChoice? {
        guard isUsable else { return nil }
        let normalized = Self.normalize(text, droppingFinalPeriod: false)
        var best: Int?
        for (index, choice) in choices.enumerated() where normalized.reversed().starts(with: choice.reversed()) {
            let start = normalized.count - choice.count
            let boundary = start == 0 || !Self.isWordCharacter(normalized[start - 1]) || !Self.isWordCharacter(choice[0])
            if boundary, best.map({ choices[$0].count < choice.count }) ?? true { best = index }
        }
        return best.flatMap { MMLUChoice(index: $0) }
    }

    /// The choice with occurrences that are not inside a longer choice's occurrence, if exactly one.
    private func uniqueMatch(in text: [Character]) -> MMLUChoice? {
        let negated = Self.negatedPositions(in: text)
        let occurrences = choices.map { Self.occurrences(of: $0, in: text).filter { !negated[$0.lowerBound] } }
        var matched: [Int] = []
        for (choice, ranges) in occurrences.enumerated() where !ranges.isEmpty {
            // reach[p]: the furthest end of a longer choice's occurrence that starts at or before p.
            // A range starting at s lies inside such an occurrence exactly when reach[s] >= its end.
            var reach = Array(repeating: -1, count: text.count)
            for (other, otherRanges) in occurrences.enumerated() where choices[other].count > choices[choice].count {
                for range in otherRanges { reach[range.lowerBound] = max(reach[range.lowerBound], range.upperBound) }
            }
            for position in reach.indices.dropFirst() { reach[position] = max(reach[position], reach[position - 1]) }
            if ranges.contains(where: { reach[$0.lowerBound] < $0.upperBound }) { matched.append(choice) }
        }
        guard matched.count == 1 else { return nil }
        return MMLUChoice(index: matched[0])
    }

    /// Words after which, for three words, a choice's text is ruled out: "not in the nucleus",
    /// "rather than the ribosome".
    private static let negations: Set<String> = ["not", "no", "nor", "neither", "except", "than", "instead", "unlike", "never"]

    /// For each position of `text`, whether a negation stands within the three words before it.
    private static func negatedPositions(in text: [Character]) -> [Bool] {
        var negated = Array(repeating: false, count: text.count + 1)
        var remaining = 0
        var position = 0
        while position < text.count {
            guard isWordCharacter(text[position]) else {
                negated[position] = remaining > 0
                position += 1
                continue
            }
            var end = position
            while end < text.count, isWordCharacter(text[end]) || text[end] == "'" { end += 1 }
            for inside in position..<end { negated[inside] = remaining > 0 }
            let word = String(text[position..<end])
            if negations.contains(word) || word.hasSuffix("n't") {
                remaining = 3
            } else if remaining > 0 {
                remaining -= 1
            }
            position = end
        }
        return negated
    }

    /// Where `needle` occurs in `text` at word boundaries.
    private static func occurrences(of needle: [Character], in text: [Character]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        var found: [Range<Int>] = []
        for start in 0...(text.count - needle.count) where text[start] == needle[0] {
            let end = start + needle.count
            guard text[start..<end].elementsEqual(needle) else { continue }
            let boundaryBefore = start == 0 || !isWordCharacter(text[start - 1]) || !isWordCharacter(needle[0])
            let boundaryAfter = end == text.count || !isWordCharacter(text[end]) || !isWordCharacter(needle[needle.count - 1])
            if boundaryBefore && boundaryAfter { found.append(start..<end) }
        }
        return found
    }

    /// The text after the last word "answer", if the text has one.
    private static func tail(afterLastAnswerIn text: [Character]) -> [Character]? {
        let keyword = Array("answer")
        let starts = occurrences(of: keyword, in: text)
        guard let last = starts.last else { return nil }
        return Array(text[last.upperBound...])
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Lowercased, emphasis marks removed, whitespace runs folded to one space, trimmed.
    static func normalize(_ text: String, droppingFinalPeriod: Bool) -> [Character] {
        var result: [Character] = []
        var pendingSpace = false
        for character in text.lowercased() {
            if character == "*" || character == "_" || character == "`" { continue }
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        if droppingFinalPeriod, result.last == "." { result.removeLast() }
        return result
    }
}
