/// A judge prompt: a system prompt and a user message with `{placeholders}`, and the version
/// recorded with every verdict it produced (so verdicts from different prompts never mix, and
/// `arena judge` knows which turns are already judged).
///
/// Placeholders: `{question}`; pairwise `{answer_a}` and `{answer_b}`; single `{answer}`;
/// reference-guided `{answer}` and `{reference}`. The defaults follow the published MT-Bench
/// prompts (Zheng et al. 2023, `pair-v2`, `single-v1`, `single-math-v1`); docs/ratings.md
/// shows them and how to replace them in the models file.
struct JudgeTemplate: Sendable, Hashable {
    /// What the template asks of the judge.
    enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Two answers compared; the reply ends with `[[A]]`, `[[B]]` or `[[C]]`.
        case pairwise
        /// One answer rated 1–10; the reply ends with `Rating: [[N]]`.
        case single
        /// One answer rated 1–10 against a known correct answer (MMLU).
        case reference
    }

    var kind: Kind
    var version: String
    var system: String
    var prompt: String

    /// The user message with each `{name}` replaced by its value (values are inserted as they
    /// are: a placeholder-looking text inside an answer is not expanded again).
    func render(_ values: [String: String]) -> String {
        var output = ""
        var rest = Substring(prompt)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
                output += value
                rest = rest[rest.index(after: close)...]
            } else {
                output.append("{")
                rest = rest[afterOpen...]
            }
        }
        return output + rest
    }

    /// A template given in the models file: its version is `custom-` and a hash of its text,
    /// so editing it starts a fresh set of verdicts.
    static func custom(_ kind: Kind, prompt: String, system: String?) -> JudgeTemplate {
        let base = Self.defaults[kind]!
        let system = system ?? base.system
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind.rawValue + "\u{0}" + system + "\u{0}" + prompt).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return JudgeTemplate(kind: kind, version: "custom-" + String(repeating: "0", count: 16 - hex.count) + hex, system: system, prompt: prompt)
    }

    static let defaults: [Kind: JudgeTemplate] = [.pairwise: pairwise, .single: single, .reference: reference]

    /// MT-Bench's pairwise prompt (`pair-v2`).
    static let pairwise = JudgeTemplate(
        kind: .pairwise, version: "mt-bench-pair-v2",
        system: """
            Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants \
            to the user question displayed below. You should choose the assistant that follows the user's instructions \
            and answers the user's question better. Your evaluation should consider factors such as the helpfulness, \
            relevance, accuracy, depth, creativity, and level of detail of their responses. Begin your evaluation by \
            comparing the two responses and provide a short explanation. Avoid any position biases and ensure that the \
            order in which the responses were presented does not influence your decision. Do not allow the length of \
            the responses to influence your evaluation. Do not favor certain names of the assistants. Be as objective \
            as possible. After providing your explanation, output your final verdict by strictly following this format: \
            "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, and "[[C]]" for a tie.
            """,
        prompt: """
            [User Question]
            {question}

            [The Start of Assistant A's Answer]
            {answer_a}
            [The End of Assistant A's Answer]

            [The Start of Assistant B's Answer]
            {answer_b}
            [The End of Assistant B's Answer]
            """)

    /// MT-Bench's single-answer grading prompt (`single-v1`).
    static let single = JudgeTemplate(
        kind: .single, version: "mt-bench-single-v1",
        system: "You are a helpful assistant.",
        prompt: """
            [Instruction]
            Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the \
            user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, \
            accuracy, depth, creativity, and level of detail of the response. Begin your evaluation by providing a short \
            explanation. Be as objective as possible. After providing your explanation, you must rate the response on a \
            scale of 1 to 10 by strictly following this format: "[[rating]]", for example: "Rating: [[5]]".

            [Question]
            {question}

            [The Start of Assistant's Answer]
            {answer}
            [The End of Assistant's Answer]
            """)

    /// MT-Bench's reference-guided grading prompt (`single-math-v1`), for questions with a
    /// known answer.
    static let reference = JudgeTemplate(
        kind: .reference, version: "mt-bench-single-ref-v1",
        system: "You are a helpful assistant.",
        prompt: """
            [Instruction]
            Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the \
            user question displayed below. Your evaluation should consider correctness and helpfulness. You will be given \
            a reference answer and the assistant's answer. Begin your evaluation by comparing the assistant's answer with \
            the reference answer. Identify and correct any mistakes. Be as objective as possible. After providing your \
            explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: \
            "[[rating]]", for example: "Rating: [[5]]".

            [Question]
            {question}

            [The Start of Reference Answer]
            {reference}
            [The End of Reference Answer]

            [The Start of Assistant's Answer]
            {answer}
            [The End of Assistant's Answer]
            """)
}

/// The three templates a judge uses: the defaults, or the models file's replacements.
public struct JudgeTemplates: Sendable, Hashable {
    var pairwise: JudgeTemplate
    var single: JudgeTemplate
    var reference: JudgeTemplate

    /// The MT-Bench templates.
    public static let defaults = JudgeTemplates(pairwise: .pairwise, single: .single, reference: .reference)

    /// The defaults with the models file's `judge_templates` in place (already checked by the
    /// parser: each names a known kind and holds its placeholders).
    public init(overrides: [JudgeTemplateOverride]) {
        self = .defaults
        for override in overrides {
            guard let kind = JudgeTemplate.Kind(rawValue: override.kind) else { continue }
            let template = JudgeTemplate.custom(kind, prompt: override.prompt, system: override.system)
            switch kind {
            case .pairwise: pairwise = template
            case .single: single = template
            case .reference: reference = template
            }
        }
    }

    init(pairwise: JudgeTemplate, single: JudgeTemplate, reference: JudgeTemplate) {
        self.pairwise = pairwise
        self.single = single
        self.reference = reference
    }
}
