/// Reads which choice (A–D) a model's free-text answer picks, the way a careful reader would.
/// Model output is untrusted text: reading never fails; it says `unanswered` when no choice is
/// picked and `unclear` when stated answers conflict. The rules, in order (docs/mmlu.md):
///
/// 0. Reasoning is not an answer: text up to a closing `</think>` is ignored, and a `<think>`
///    that never closes leaves only what came before it. A response that is exactly one
///    choice's text picks it.
/// 1. **Stated answers.** An answer stated up front (a first line that is `C`, `**C**`, `C.`,
///    `c)`, `(C)`, `C,` …, `C. <choice text>`, "Option C", or a first line saying "C is
///    correct"); explicit statements anywhere ("the answer is", "final answer", "correct
///    answer", "I choose", `\boxed{}`, in English, Spanish, French, German, Portuguese, Chinese
///    and Japanese) within one sentence, never across a line break; a label line followed by
///    the answer ("### Answer" / "C"); a line holding only a letter. Negated ("not D", "I would
///    not choose D"), rejected ("D is wrong") and hypothetical ("would be D if …", "D is
///    correct only for …") ones do not count. When they all name one choice, that is the
///    answer; a statement that revises ("Wait, actually the answer is C") replaces the earlier
///    ones; otherwise they conflict and the reading is unclear. A hedge ("The answer is A or
///    B") with nothing else stated is unanswered.
/// 2. **Verdicts.** Without stated answers: choices declared right ("C is correct", "(C) is the
///    best answer", a walk through the options with "(correct)" or "✓" on one line). One such
///    choice is the answer; several are unclear.
/// 3. **Marked letters** — `(C)`, `**C**`, "option C", a line starting "C." — when all name the
///    same choice, ruled-out ones and labels right after their own text ("the nucleus (A)")
///    ignored, and no other choice is quoted by its text.
/// 4. **Choice text**: the text of exactly one choice.
public enum MMLUAnswerExtractor {
    /// How `response` reads: a choice, unclear, or unanswered. `choices` are the question's
    /// four choice texts, used to recognise a choice named by its text.
    public static func read(_ response: String, choices: [String] = []) -> MMLUAnswerReading {
        guard let text = MMLUReasoningBlocks.visibleAnswer(of: response) else { return .unanswered }
        let matcher = MMLUChoiceTextMatcher(choices: choices)
        if let exact = matcher.exactChoice(text) { return .choice(exact) }
        let grammar = MMLUAnswerGrammar(MMLUAnswerTokens(text))
        let lines = MMLUAnswerLines(grammar: grammar, matcher: matcher)
        let stated = MMLUStatedAnswers(grammar: grammar, lines: lines, matcher: matcher)
        if let reading = stated.reading() { return reading }
        if stated.isHedged { return .unanswered }
        let approved = approvedChoices(grammar: grammar, lines: lines)
        if approved.count == 1, let only = approved.first { return .choice(only) }
        if approved.count > 1 { return .unclear }
        let quoted = matcher.match(in: text)
        let (mentions, labels) = markedMentions(grammar: grammar, lines: lines)
        if mentions.count == 1, let only = mentions.first {
            return quoted == nil || quoted == only ? .choice(only) : .unanswered
        }
        if !mentions.isEmpty { return .unanswered }
        if let quoted { return .choice(quoted) }
        // "4 (B)": a choice named by its text and its letter, and nothing else.
        if labels.count == 1, let only = labels.first { return .choice(only) }
        return .unanswered
    }

    /// The choice `response` picks, or nil when it picks none or its answers conflict.
    public static func extract(from response: String, choices: [String] = []) -> MMLUChoice? {
        read(response, choices: choices).choice
    }

    /// The choices declared right and not hypothetical, in the text or on labelled lines.
    private static func approvedChoices(grammar: MMLUAnswerGrammar, lines: MMLUAnswerLines) -> Set<MMLUChoice> {
        var approved = Set<MMLUChoice>()
        var rejected = Set<MMLUChoice>()
        for line in grammar.tokens.nonEmptyLines {
            guard let (letter, isRight) = lines.verdict(of: line) else { continue }
            if isRight { approved.insert(letter) } else { rejected.insert(letter) }
        }
        for index in 0..<grammar.tokens.count {
            guard let letter = grammar.tokens.letter(at: index), !grammar.isNegatedMention(index),
                  let word = grammar.approval(of: index), !grammar.isHypothetical(after: word, hasModal: false) else { continue }
            approved.formUnion([letter] + grammar.companions(of: index).letters)
        }
        return approved.subtracting(rejected)
    }

    /// The letters marked as choices and not ruled out; apart, the ones that label their own
    /// choice's text ("the nucleus (A)").
    private static func markedMentions(grammar: MMLUAnswerGrammar, lines: MMLUAnswerLines) -> (Set<MMLUChoice>, Set<MMLUChoice>) {
        let tokens = grammar.tokens
        var mentions = Set<MMLUChoice>()
        var labels = Set<MMLUChoice>()
        for index in 0..<tokens.count {
            guard let letter = tokens.letter(at: index) else { continue }
            let marked = grammar.shapes.isEnclosed(index) || grammar.shapes.isLineLabel(index)
                || tokens.isUppercase(at: index) && tokens.isWord(index - 1, in: ["option", "choice", "letter", "opción", "opção", "alternativa"])
            guard marked, !grammar.isNegatedMention(index), !grammar.isRejected(index), !grammar.isUnderExamination(index),
                  !grammar.isHypothetical(after: grammar.approval(of: index) ?? index, hasModal: false) else { continue }
            if lines.isLabelOfItsOwnText(index) {
                labels.insert(letter)
            } else {
                mentions.insert(letter)
            }
        }
        return (mentions, labels)
    }
}
