import Foundation

/// Finds which choice (A–D) a model's free-text answer picks. Model output is untrusted text:
/// extraction never fails, it returns nil when the answer is absent or ambiguous.
///
/// In order of preference:
/// 0. A response that is exactly one choice's text ("B. F. Skinner"), unless that text is
///    itself a letter A–D.
/// 1. The last explicit statement: "The answer is C", "Answer: (C)", "the correct option is (c)",
///    "Final answer: \boxed{C}", "I choose C", "(C) is correct", "It's C.". A statement that names two
///    letters ("the answer is A or B") does not count.
/// 2. A lone letter, possibly decorated: "C", "(C)", "**C**", "C.", "C)".
/// 3. Marked letters — `(C)`, `**C**`, `[C]`, "option C", a line starting "C." or "C)" —
///    when all of them name the same choice. Letters that are ruled out ("not (A)",
///    "(B) is wrong") are ignored.
/// 4. The text of exactly one choice, after the last "answer is" or else anywhere in the
///    response (a choice contained in a longer matching choice does not count).
///
/// Anything before a closing `</think>` tag (a reasoning model's scratchpad) is ignored.
public enum MMLUAnswerExtractor {
    /// The choice the response picks, or nil when it picks none or is ambiguous.
    /// `choices` are the question's four choice texts, used to recognise a quoted choice.
    public static func extract(from response: String, choices: [String] = []) -> MMLUChoice? {
        let text = finalPart(of: response)
        let matcher = MMLUChoiceTextMatcher(choices: choices)
        if let exact = matcher.exactChoice(text) {
            return exact
        }
        let tokens = MMLUAnswerTokens(text)

        if let statement = lastExplicitStatement(in: tokens) {
            return statement
        }
        if let lone = loneLetter(in: tokens) {
            return lone
        }
        let mentions = markedMentions(in: tokens)
        if !mentions.isEmpty {
            return Set(mentions).count == 1 ? mentions[0] : nil
        }
        return matcher.match(in: text)
    }

    /// The text after the last `</think>`, or the whole response.
    static func finalPart(of response: String) -> String {
        guard let range = response.range(of: "</think>", options: .backwards) else { return response }
        return String(response[range.upperBound...])
    }

    // MARK: - Vocabulary

    /// Words that introduce an answer: "answer is C", "\boxed{C}", "I choose C".
    private static let answerKeywords: Set<String> = ["answer", "boxed", "choose", "chose", "pick", "picked", "select", "selected"]
    /// Words that introduce an answer only when the letter ends the clause: "It's C.", "It is (C)".
    private static let weakKeywords: Set<String> = ["it", "it's", "it\u{2019}s"]
    /// Nouns that name a choice; after a qualifier they introduce an answer ("the best option is C").
    private static let choiceNouns: Set<String> = ["option", "choice", "letter", "one"]
    /// Qualifiers that make "option"/"choice" an answer statement.
    private static let qualifiers: Set<String> = ["correct", "right", "best", "final", "appropriate", "accurate", "proper", "answer", "true"]
    /// Words that may stand between the answer keyword and the letter.
    private static let fillers: Set<String> = [
        "is", "be", "would", "will", "should", "must", "was", "therefore", "thus", "hence", "so",
        "probably", "likely", "most", "clearly", "definitely", "then", "indeed", "here", "my", "the",
        "text", "textbf", "mathrm", "mathbf",
    ]
    /// Punctuation that may stand between the keyword and the letter, or decorate a letter.
    private static let connectingMarks: Set<String> = ["(", "[", "{", ":", "-", "=", "*", "_", "`", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\\", "$", ">", "#", "~", "\u{2014}", "\u{2013}"]
    /// Marks that decorate a letter on both sides (bold, italics, code).
    private static let decorations: Set<String> = ["*", "_", "`", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]
    private static let openers: Set<String> = ["(", "[", "{"]
    private static let closers: Set<String> = [")", "]", "}"]
    /// Words that declare a choice right: "(C) is correct", "C is the best answer".
    private static let approvals: Set<String> = ["correct", "right", "best", "answer", "true", "accurate"]
    /// Words that rule a choice out: "(B) is wrong".
    private static let rejections: Set<String> = ["not", "incorrect", "wrong", "false", "invalid", "unlikely", "inaccurate", "isn't", "isn\u{2019}t"]
    /// Words before a letter that rule it out: "not (A)".
    private static let negations: Set<String> = ["not", "except", "exclude", "excluding", "eliminate", "eliminating", "than"]
    /// Words that join two letters into a hedge: "A or B".
    private static let conjunctions: Set<String> = ["or", "and"]

    // MARK: - Rule 1: explicit statements

    /// The letter of the last explicit answer statement, if any.
    private static func lastExplicitStatement(in tokens: MMLUAnswerTokens) -> MMLUChoice? {
        var found: MMLUChoice?
        for index in 0..<tokens.count {
            guard let letter = tokens.letter(at: index) else { continue }
            if isIntroducedAsAnswer(index, in: tokens) || isDeclaredCorrect(index, in: tokens),
               !isHedged(index, in: tokens), !isRuledOut(index, in: tokens) {
                found = letter
            }
        }
        return found
    }

    /// "answer is C", "Answer: (C)", "correct option is (c)", "\boxed{C}", "I'd go with C".
    private static func isIntroducedAsAnswer(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        guard tokens.isUppercase(at: index) || isEnclosed(index, in: tokens) || endsClause(after: index, in: tokens) else {
            return false
        }
        var cursor = index - 1
        var sawChoiceNoun = false
        var skipped = 0
        while let token = tokens[cursor], skipped < 10 {
            if token.kind == .newline || (token.kind == .punctuation && connectingMarks.contains(token.text)) {
                cursor -= 1
                skipped += 1
                continue
            }
            guard token.kind == .word else { return false }
            if answerKeywords.contains(token.lowercased) { return true }
            if weakKeywords.contains(token.lowercased) {
                return endsClause(after: index, in: tokens) || isEnclosed(index, in: tokens)
            }
            if token.lowercased == "with" && tokens.isWord(cursor - 1, in: ["go", "going"]) { return true }
            if choiceNouns.contains(token.lowercased) {
                sawChoiceNoun = true
            } else if qualifiers.contains(token.lowercased) && sawChoiceNoun {
                return true
            } else if !fillers.contains(token.lowercased) {
                return false
            }
            cursor -= 1
            skipped += 1
        }
        return false
    }

    /// "(C) is correct", "C is the best answer", "Option C is right".
    private static func isDeclaredCorrect(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        guard isLetterLike(index, in: tokens) else { return false }
        var cursor = skipClosingMarks(after: index, in: tokens)
        guard tokens.isWord(cursor, in: ["is", "was"]) else { return false }
        cursor += 1
        while tokens.isWord(cursor, in: ["the", "most", "only", "clearly"]) { cursor += 1 }
        return tokens.isWord(cursor, in: approvals)
    }

    /// Whether the letter is followed by "or B", "and B", "/B": a hedge, not an answer.
    private static func isHedged(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        var cursor = skipClosingMarks(after: index, in: tokens)
        if tokens.isPunctuation(cursor, in: [",", "/", "&"]) || tokens.isWord(cursor, in: conjunctions) {
            cursor += 1
            if tokens.isWord(cursor, in: conjunctions) { cursor += 1 }
            while tokens.isPunctuation(cursor, in: openers.union(decorations)) || tokens.isWord(cursor, in: choiceNouns) {
                cursor += 1
            }
            if tokens.letter(at: cursor) != nil,
               tokens.isUppercase(at: cursor) || isEnclosed(cursor, in: tokens) {
                return true
            }
        }
        return false
    }

    // MARK: - Rule 2: a lone letter

    /// The letter when the response is nothing but one letter and decoration.
    private static func loneLetter(in tokens: MMLUAnswerTokens) -> MMLUChoice? {
        let meaningful = tokens.tokens.indices.filter { index in
            guard let token = tokens[index] else { return false }
            switch token.kind {
            case .newline: return false
            case .punctuation: return !(decorations.contains(token.text) || openers.contains(token.text) || closers.contains(token.text) || [".", ":", "!"].contains(token.text))
            case .word: return true
            }
        }
        guard meaningful.count == 1 else { return nil }
        return tokens.letter(at: meaningful[0])
    }

    // MARK: - Rule 3: marked mentions

    /// The letters marked as choices and not ruled out, in order of appearance.
    private static func markedMentions(in tokens: MMLUAnswerTokens) -> [MMLUChoice] {
        var mentions: [MMLUChoice] = []
        for index in 0..<tokens.count {
            guard let letter = tokens.letter(at: index), isMarked(index, in: tokens), !isRuledOut(index, in: tokens) else {
                continue
            }
            mentions.append(letter)
        }
        return mentions
    }

    /// `(C)`, `[C]`, `**C**`, "option C", or a line that starts with "C." / "C)" / "C:".
    private static func isMarked(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        if isEnclosed(index, in: tokens) { return true }
        if tokens.isUppercase(at: index) && tokens.isWord(index - 1, in: ["option", "choice", "letter"]) { return true }
        return startsLine(index, in: tokens) && tokens.isPunctuation(index + 1, in: [".", ")", ":"])
    }

    /// "not (A)", "(B) is wrong", "(C) isn't".
    private static func isRuledOut(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        var cursor = index - 1
        while tokens.isPunctuation(cursor, in: openers.union(decorations)) || tokens.isWord(cursor, in: choiceNouns) {
            cursor -= 1
        }
        if tokens.isWord(cursor, in: negations) { return true }
        cursor = skipClosingMarks(after: index, in: tokens)
        if tokens.isWord(cursor, in: ["isn't", "isn\u{2019}t"]) { return true }
        guard tokens.isWord(cursor, in: ["is", "are", "seems", "was"]) else { return false }
        cursor += 1
        while tokens.isWord(cursor, in: ["clearly", "definitely", "also", "the"]) { cursor += 1 }
        return tokens.isWord(cursor, in: rejections)
    }

    // MARK: - Shapes around a letter

    /// `(C)`, `[C]`, `{C}`, or the same decoration on both sides (`**C**`, `` `C` ``, `"C"`),
    /// but not brackets or marks glued to a word, as in "poly(A)", "k[A]" or "M*A*S*H".
    private static func isEnclosed(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        var before = index - 1
        var after = index + 1
        var decorated = false
        while let left = tokens[before], let right = tokens[after],
              left.kind == .punctuation, right.kind == .punctuation,
              decorations.contains(left.text), decorations.contains(right.text) || (left.text == "\u{201C}" && right.text == "\u{201D}") {
            decorated = true
            before -= 1
            after += 1
        }
        if decorated { return !isGlued(from: before + 1, to: after - 1, in: tokens) }
        guard let left = tokens[before], let right = tokens[after],
              left.kind == .punctuation, right.kind == .punctuation else { return false }
        let bracketed = (left.text == "(" && right.text == ")") || (left.text == "[" && right.text == "]") || (left.text == "{" && right.text == "}")
        return bracketed && !isGlued(from: before, to: after, in: tokens)
    }

    /// Whether the marks from `first` to `last` touch a word on either side ("poly(A)tail").
    private static func isGlued(from first: Int, to last: Int, in tokens: MMLUAnswerTokens) -> Bool {
        let gluedBefore = !(tokens[first]?.isSpaced ?? true) && tokens[first - 1]?.kind == .word
        let gluedAfter = tokens[last + 1].map { !$0.isSpaced && $0.kind == .word } ?? false
        return gluedBefore || gluedAfter
    }

    /// Whether the letter is the first thing on its line, ignoring decoration and an opening bracket.
    private static func startsLine(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        var cursor = index - 1
        while tokens.isPunctuation(cursor, in: decorations.union(openers)) { cursor -= 1 }
        guard let token = tokens[cursor] else { return true }
        return token.kind == .newline
    }

    /// Whether the letter ends its clause: end of text, end of line, ")" or "." before the end.
    private static func endsClause(after index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        let next = index + 1
        guard let token = tokens[next] else { return true }
        if token.kind == .newline || token.text == ")" { return true }
        if token.text == "." || token.text == "!" {
            return tokens[next + 1] == nil || tokens[next + 1]?.kind == .newline
        }
        return false
    }

    /// A letter that stands as a choice label rather than inside a word or name ("Vitamin C").
    private static func isLetterLike(_ index: Int, in tokens: MMLUAnswerTokens) -> Bool {
        if isEnclosed(index, in: tokens) { return true }
        guard tokens.isUppercase(at: index) else { return false }
        guard let previous = tokens[index - 1] else { return true }
        if previous.kind != .word { return true }
        return ["option", "choice", "letter", "answer", "so", "thus", "hence", "therefore", "and", "but"].contains(previous.lowercased)
    }

    /// The first token after a letter that is not a closing bracket or decoration.
    private static func skipClosingMarks(after index: Int, in tokens: MMLUAnswerTokens) -> Int {
        var cursor = index + 1
        while tokens.isPunctuation(cursor, in: closers.union(decorations)) { cursor += 1 }
        return cursor
    }
}
