import Testing
@testable import ArenaKit

@Suite("MMLU answer extraction")
struct MMLUAnswerExtractorTests {
    static let choices = ["Nucleus", "Ribosome", "Mitochondrion", "Golgi apparatus"]

    @Test("finds the chosen letter", arguments: [
        // Lone letters and decorated letters.
        ("C", MMLUChoice.c),
        ("c", .c),
        (" C\n", .c),
        ("(C)", .c),
        ("**C**", .c),
        ("*C*", .c),
        ("`C`", .c),
        ("C.", .c),
        ("C)", .c),
        ("[C]", .c),
        ("(c)", .c),
        ("**(C)**", .c),
        // Explicit statements.
        ("The answer is C", .c),
        ("The answer is C.", .c),
        ("The answer is (C).", .c),
        ("The answer is **C**", .c),
        ("Answer: C", .c),
        ("Answer: c", .c),
        ("**Answer:** C", .c),
        ("ANSWER: D", .d),
        ("Final answer: B", .b),
        ("The correct answer is: (B) Ribosome", .b),
        ("the correct option is (c)", .c),
        ("The best choice is D.", .d),
        ("The correct answer would be A", .a),
        ("The answer is therefore B.", .b),
        ("The answer is option D", .d),
        ("The answer is:\n\n**A**", .a),
        ("I choose B.", .b),
        ("I'd go with D", .d),
        ("$\\boxed{C}$", .c),
        ("Final answer: \\boxed{A}", .a),
        ("(C) is correct.", .c),
        ("Option B is the correct answer.", .b),
        ("So C is right.", .c),
        ("Answer: C — mitochondria produce most ATP.", .c),
        ("It's C.", .c),
        ("It is (C)", .c),
        ("The final answer is $\\boxed{\\text{C}}$", .c),
        ("**Answer: C) Mitochondrion**", .c),
        ("The correct answer is **C. Mitochondrion**.\n\nThe nucleus (A) stores DNA.", .c),
        ("Between B and C, I'd pick C.", .c),
        ("C is the correct answer because A and B are wrong.", .c),
        ("The answer is (C) not (A).", .c),
        // A final statement wins over earlier mentions.
        ("(A) is about the nucleus and (B) about ribosomes. The answer is C.", .c),
        ("Let me think: A? B? Maybe A. Actually, the answer is D.", .d),
        ("The answer is B. Wait, no: the answer is C.", .c),
        ("A. Nucleus - no\nB. Ribosome - no\nC. Mitochondrion - yes\n\nAnswer: C", .c),
        ("The answer is C, not B.", .c),
        ("Answer A is incorrect. The answer is C.", .c),
        // Marked letters that agree, with rejected ones ignored.
        ("C. Mitochondrion", .c),
        ("(C) Mitochondrion, where aerobic respiration happens.", .c),
        ("**C. Mitochondrion**\n\nMitochondria make most of the ATP.", .c),
        ("(A) is wrong and (B) is wrong; (C) it is.", .c),
        ("Not (A), not (B): (C).", .c),
        ("Option C, the mitochondrion.", .c),
        // A walk through the options with one verdict of "yes" (was unanswered before verdicts were read).
        ("A) Nucleus - no\nB) Ribosome - no\nC) Mitochondrion - yes", .c),
        // Reasoning models: only the text after </think> counts.
        ("<think>Maybe the answer is A. Or (B)?</think>\nThe answer is C.", .c),
        ("<think>The answer is A.</think>\n\nC", .c),
        // A choice quoted by its text.
        ("Mitochondrion", .c),
        ("mitochondrion.", .c),
        ("The answer is the mitochondrion.", .c),
        ("It happens in the Golgi apparatus.", .d),
        ("The answer is **Golgi   apparatus**", .d),
    ])
    func extracts(_ response: String, _ expected: MMLUChoice) {
        #expect(MMLUAnswerExtractor.extract(from: response, choices: Self.choices) == expected)
    }

    @Test("returns nil when the answer is absent or ambiguous", arguments: [
        "",
        "   \n",
        "I don't know.",
        "I cannot answer that question.",
        "It could be A or B.",
        "The answer is A or B.",
        "Answer: A/B",
        "The answer is either (A) or (C).",
        "(A) or (C), I am not sure.",
        "A. Nucleus\nB. Ribosome\nC. Mitochondrion\nD. Golgi apparatus",
        "The answer is not A.",
        "(B) is wrong.",
        "Vitamin C is important.",
        "It is C, or maybe D.",
        "Answer: C or D",
        "A cell has many organelles.",
        "The answer is a good question.",
        "Both the nucleus and the ribosome matter.",
        "E",
        "The answer is E.",
        "<think>The answer is C.</think>",
        "Answer: I am not sure between (A) and (B).",
        // Letters glued to words are not choice labels.
        "A poly(A) tail is added.",
        "Rate = k[A]^2",
        "It was M*A*S*H.",
    ])
    func returnsNil(_ response: String) {
        #expect(MMLUAnswerExtractor.extract(from: response, choices: Self.choices) == nil, "\(response.debugDescription)")
    }

    @Test("a choice inside a longer choice does not count twice")
    func nestedChoiceTexts() {
        let choices = ["I only", "II only", "III only", "II and III only"]
        #expect(MMLUAnswerExtractor.extract(from: "II only", choices: choices) == .b)
        #expect(MMLUAnswerExtractor.extract(from: "The answer is II and III only.", choices: choices) == .d)
        #expect(MMLUAnswerExtractor.extract(from: "The answer is III only", choices: choices) == .c)
        #expect(MMLUAnswerExtractor.extract(from: "Either I only or II only.", choices: choices) == nil)
    }

    @Test("short choices count only when stated as the answer")
    func shortChoices() {
        let choices = ["1", "2", "3", "4"]
        #expect(MMLUAnswerExtractor.extract(from: "The answer is 3.", choices: choices) == .c)
        #expect(MMLUAnswerExtractor.extract(from: "2", choices: choices) == .b)
        #expect(MMLUAnswerExtractor.extract(from: "Step 1 gives x, so we are done.", choices: choices) == nil)
    }

    @Test("identical choice texts make a quoted text ambiguous")
    func duplicateChoices() {
        let choices = ["True", "True", "False", "False"]
        #expect(MMLUAnswerExtractor.extract(from: "True", choices: choices) == nil)
        #expect(MMLUAnswerExtractor.extract(from: "True (B)", choices: choices) == .b)
    }

    @Test("a response that is exactly a choice's text picks it, even when it starts like a letter")
    func exactChoiceText() {
        let people = ["William James", "Wilhelm Wundt", "B. F. Skinner", "Carl Rogers"]
        #expect(MMLUAnswerExtractor.extract(from: "B. F. Skinner", choices: people) == .c)
        #expect(MMLUAnswerExtractor.extract(from: "b. f. skinner.", choices: people) == .c)
        #expect(MMLUAnswerExtractor.extract(from: "Answer: B", choices: people) == .b)
        let shows = ["Picket Fences", "M*A*S*H", "Northern Exposure", "The Paper Chase"]
        #expect(MMLUAnswerExtractor.extract(from: "M*A*S*H", choices: shows) == .b)
        // A choice that is itself a letter reads as the letter.
        let elements = ["As", "P", "Sb", "B"]
        #expect(MMLUAnswerExtractor.extract(from: "B", choices: elements) == .b)
        #expect(MMLUAnswerExtractor.extract(from: "Sb", choices: elements) == .c)
    }

    @Test("long degenerate output is handled")
    func degenerateOutput() {
        let choices = ["True", "True True", "False", "False False"]
        let repeated = String(repeating: "True ", count: 20_000)
        #expect(MMLUAnswerExtractor.extract(from: repeated, choices: choices) == .b)
        let letters = String(repeating: "(A) (B) ", count: 10_000)
        #expect(MMLUAnswerExtractor.extract(from: letters, choices: choices) == nil)
        #expect(MMLUAnswerExtractor.extract(from: letters + "\nThe answer is D.", choices: choices) == .d)
    }

    @Test("without choices, letters still work")
    func withoutChoices() {
        #expect(MMLUAnswerExtractor.extract(from: "The answer is D") == .d)
        #expect(MMLUAnswerExtractor.extract(from: "Mitochondrion") == nil)
    }
}
