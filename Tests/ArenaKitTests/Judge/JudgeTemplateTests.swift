import Testing

@testable import ArenaKit

/// The judge prompts: MT-Bench's layout, placeholders filled once, custom versions.
@Suite struct JudgeTemplateTests {
    @Test func thePairwisePromptShowsTheQuestionThenAThenBBetweenMTBenchMarkers() {
        let text = JudgeTemplate.pairwise.render(["question": "Why?", "answer_a": "Because.", "answer_b": "No idea."])
        #expect(text == """
            [User Question]
            Why?

            [The Start of Assistant A's Answer]
            Because.
            [The End of Assistant A's Answer]

            [The Start of Assistant B's Answer]
            No idea.
            [The End of Assistant B's Answer]
            """)
        #expect(JudgeTemplate.pairwise.system.contains("\"[[A]]\" if assistant A is better, \"[[B]]\" if assistant B is better, and \"[[C]]\" for a tie"))
        #expect(JudgeTemplate.pairwise.system.contains("Do not allow the length of the responses to influence your evaluation"))
        #expect(JudgeTemplate.pairwise.version == "mt-bench-pair-v2")
    }

    @Test func placeholdersInsideAnswersAreNotExpandedAgain() {
        let text = JudgeTemplate.single.render(["question": "{answer}", "answer": "{question} {unknown}"])
        #expect(text.contains("[Question]\n{answer}\n"))
        #expect(text.contains("[The Start of Assistant's Answer]\n{question} {unknown}\n"))
    }

    @Test func theReferenceTemplateShowsTheRightAnswer() {
        let reference = JudgedTurn.mmluReference(letter: "C", text: "Paris")
        #expect(reference == "The correct answer is (C) Paris.")
        let text = JudgeTemplate.reference.render(["question": "Capital?", "answer": "B", "reference": reference!])
        #expect(text.contains("[The Start of Reference Answer]\nThe correct answer is (C) Paris.\n[The End of Reference Answer]"))
        #expect(JudgedTurn.mmluReference(letter: nil) == nil)
    }

    @Test func aCustomTemplateGetsAVersionFromItsText() {
        let templates = JudgeTemplates(overrides: [JudgeTemplateOverride(kind: "pairwise", prompt: "Q {question} A {answer_a} B {answer_b}", system: nil)])
        #expect(templates.pairwise.version.hasPrefix("custom-"))
        #expect(templates.pairwise.system == JudgeTemplate.pairwise.system)
        #expect(templates.single == JudgeTemplate.single)
        let edited = JudgeTemplates(overrides: [JudgeTemplateOverride(kind: "pairwise", prompt: "Q {question} A {answer_a} B {answer_b}!", system: nil)])
        #expect(edited.pairwise.version != templates.pairwise.version)
    }
}
