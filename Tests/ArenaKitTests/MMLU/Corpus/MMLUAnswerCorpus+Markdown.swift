@testable import ArenaKit

extension MMLUAnswerCorpus {
    /// Markdown: emphasis, headings, block quotes, LaTeX.
    static var markdown: [MMLUCorpusCase] {
        var group = MMLUCorpusGroup("markdown")
        group.add("**C**\n\nWhy not the others: (A) stores DNA, (B) makes proteins, (D) packages proteins.", .c)
        group.add("**C. Mitochondrion**\n\nMitochondria produce most of the cell's ATP.", .c)
        group.add("**C) Mitochondrion**", .c)
        group.add("### Answer\nC", .c)
        group.add("### Answer\n\n**C. Mitochondrion**\n\n### Explanation\nThe nucleus (A) stores DNA.", .c)
        group.add("## Final answer\n\n(C)", .c)
        group.add("**Answer:** C", .c)
        group.add("**Answer: C**", .c)
        group.add("**Final answer:** (C) Mitochondrion", .c)
        group.add("Final answer: **(C)**", .c)
        group.add("The correct answer is **C. Mitochondrion**.\n\n- The nucleus (A) stores DNA.\n- Ribosomes (B) make proteins.", .c)
        group.add("> **C** — the mitochondrion.", .c)
        group.add("*C*", .c)
        group.add("__C__", .c)
        group.add("The answer is $\\boxed{\\text{C}}$.", .c)
        group.add("Final answer: $\\boxed{B}$", .b, .sum)
        group.add("We compute $2 + 2 = 4$, which is choice B.\n\n$$\\boxed{B}$$", .b, .sum)
        group.add("**Explanation:** ATP is produced by oxidative phosphorylation.\n\n**Answer:** **C**", .c)
        group.add("The answer is:\n\n**C**", .c)
        group.add("Here is my answer:\n\nC. Mitochondrion", .c)
        group.add("| Option | Role |\n|---|---|\n| A | stores DNA |\n| C | makes ATP |\n\n**Answer: C**", .c)
        group.add("`C` — mitochondria make ATP.", .c)
        group.add("**The answer is C.**", .c)
        group.add("## Reasoning\nThe nucleus stores DNA, ribosomes make proteins.\n\n## Answer\n**C**", .c)
        group.add("**Correct answer: C**\n\nThe Golgi apparatus (D) modifies proteins; it is not the answer.", .c)
        return group.cases
    }

    /// Lists: the choices restated, bulleted walks with verdicts.
    static var lists: [MMLUCorpusCase] {
        var group = MMLUCorpusGroup("list")
        group.add("A. Nucleus - no\nB. Ribosome - no\nC. Mitochondrion - yes\nD. Golgi apparatus - no\n\nAnswer: C", .c)
        group.add("Let's go through the options:\n- A) Nucleus: stores DNA (incorrect)\n- B) Ribosome: makes proteins (incorrect)\n- C) Mitochondrion: makes ATP (correct)\n- D) Golgi apparatus: packages proteins (incorrect)", .c)
        group.add("- **A. Nucleus** – stores genetic material ❌\n- **B. Ribosome** – protein synthesis ❌\n- **C. Mitochondrion** – ATP production ✅\n- **D. Golgi apparatus** – protein packaging ❌", .c)
        group.add("A) Nucleus — wrong\nB) Ribosome — wrong\nC) Mitochondrion — correct\nD) Golgi apparatus — wrong", .c)
        group.add("Options:\nA. Nucleus\nB. Ribosome\nC. Mitochondrion\nD. Golgi apparatus\n\nThe answer is C.", .c)
        group.add("The choices are:\n(A) Nucleus\n(B) Ribosome\n(C) Mitochondrion\n(D) Golgi apparatus\n\nMitochondria make ATP, so the answer is (C).", .c)
        group.add("1. The nucleus (A) stores DNA.\n2. Ribosomes (B) make proteins.\n3. The Golgi apparatus (D) packages proteins.\n4. Mitochondria (C) make ATP.\n\nTherefore the answer is C.", .c)
        group.add("* A: incorrect, the nucleus stores DNA\n* B: incorrect, ribosomes translate mRNA\n* C: correct, mitochondria run oxidative phosphorylation\n* D: incorrect, the Golgi sorts proteins", .c)
        group.add("A and B are wrong; C is right.", .c)
        group.add("A is wrong. B is wrong. D is wrong. C is correct.", .c)
        group.add("Eliminating options:\n- Not A (nucleus)\n- Not B (ribosome)\n- Not D (Golgi)\n\nThat leaves C.", .c)
        group.add("C. Mitochondrion\n\nA. Nucleus — stores DNA, not ATP.\nB. Ribosome — builds proteins.", .c)
        group.add("- A) 2 ✗\n- B) 4 ✓\n- C) 6 ✗\n- D) 8 ✗", .b, .sum)
        group.add("Checking each:\nA. Berlin is the capital of Germany.\nB. Madrid is the capital of Spain.\nC. Paris is the capital of France.\nD. Rome is the capital of Italy.\n\nAnswer: C", .c, .capital)
        group.unanswered("A. Nucleus\nB. Ribosome\nC. Mitochondrion\nD. Golgi apparatus")
        group.unanswered("A) Nucleus\nB) Ribosome\nC) Mitochondrion\nD) Golgi apparatus\n\nWhich one makes ATP? It depends on the cell type.")
        group.add("Step 1: The question asks where ATP is made.\nStep 2: Mitochondria host the electron transport chain.\nStep 3: So the answer is C.", .c)
        group.add("**Option analysis**\n1. **A** – no\n2. **B** – no\n3. **C** – yes\n4. **D** – no", .c)
        group.unclear("- A) Nucleus (correct)\n- B) Ribosome (incorrect)\n- C) Mitochondrion (correct)\n- D) Golgi apparatus (incorrect)")
        group.add("The answer is C.\n\nA. Nucleus – incorrect\nB. Ribosome – incorrect\nD. Golgi apparatus – incorrect", .c)
        return group.cases
    }
}
