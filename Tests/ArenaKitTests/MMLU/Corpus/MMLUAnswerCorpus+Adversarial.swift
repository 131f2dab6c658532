@testable import ArenaKit

extension MMLUAnswerCorpus {
    /// Answers that mislead a naive reader: letters in explanations, negations, hypotheticals,
    /// letters inside words, statements across line breaks.
    static var adversarial: [MMLUCorpusCase] {
        var group = MMLUCorpusGroup("adversarial")
        group.add("The answer is C, not B.", .c)
        group.add("The answer is (C) not (A).", .c)
        group.add("Not A, not B, not D: the answer is C.", .c)
        group.add("We can rule out D and B. The answer is C.", .c)
        group.add("It is not D, and certainly not A. I choose C.", .c)
        group.add("The answer would be D if the question asked about protein packaging, but it asks about ATP, so the answer is C.", .c)
        group.add("D would be correct if this were about packaging; here the correct answer is C.", .c)
        group.add("Answer A is incorrect. The answer is C.", .c)
        group.add("(A) is about the nucleus and (B) about ribosomes. The answer is C.", .c)
        group.add("Vitamin C is not involved. The organelle is the mitochondrion, choice C.", .c)
        group.add("A cell's energy comes from its mitochondria (C).", .c)
        group.add("A mitochondrion is the answer.", .c)
        group.add("The answer is the mitochondrion.", .c)
        group.add("It happens in the mitochondrion, not in the nucleus.", .c)
        group.add("I would not choose A or B. The answer is C.", .c)
        group.add("Between B and C, I'd pick C.", .c)
        group.add("C is the correct answer because A and B are wrong.", .c)
        group.add("Except for C, every option is unrelated to ATP production. So C.", .c)
        group.add("The answer is C.\nSelect one of B or D only if the question were about proteins.", .c)
        group.add("The answer is C. If it were asking about protein packaging, I would choose D.", .c)
        group.add("The question asks which one makes ATP. The answer is C", .c)
        group.add("Answer: C (not D, which packages proteins)", .c)
        group.add("My answer: c", .c)
        group.add("c) mitochondrion", .c)
        group.add("Option (c).", .c)
        group.add("Hmm, B looks tempting, but the answer is actually C.", .c)
        group.unanswered("A poly(A) tail is added to mRNA.")
        group.unanswered("Rate = k[A]^2")
        group.unanswered("Vitamin C is important for health.")
        group.unanswered("A cell has many organelles.")
        group.unanswered("The answer is not A.")
        group.unanswered("(B) is wrong.")
        group.unanswered("I cannot answer that question.")
        group.unanswered("It could be A or B.")
        group.unanswered("The answer is A or B.")
        group.unanswered("Answer: C or D")
        group.unanswered("The answer is E.")
        group.unanswered("Select one:\nA. Nucleus\nB. Ribosome")
        group.unanswered("The answer would be D if the question asked about packaging.")
        group.unanswered("Option D is correct only for questions about protein packaging.")
        group.unanswered("I would not choose D.")
        group.unanswered("Both the nucleus and the ribosome matter.")
        group.unanswered("The following is a multiple choice question about biology.\n\nWhich organelle makes most ATP?\n\nA. Nucleus\nB. Ribosome\nC. Mitochondrion\nD. Golgi apparatus\n\nAnswer with a single letter: A, B, C or D.")
        group.add("The answer is 4.", .b, .sum)
        group.add("4 (B)", .b, .sum)
        group.unanswered("Step 1 gives 2, step 2 gives 4, step 3 gives 6.", .sum)
        return group.cases
    }

    /// Stated answers that conflict: the reading is unclear, not wrong.
    static var conflicts: [MMLUCorpusCase] {
        var group = MMLUCorpusGroup("conflict")
        group.unclear("Both A and C")
        group.unclear("Both A and C are correct.")
        group.unclear("The answer is A and C.")
        group.unclear("Answer: A\n\nFinal answer: C")
        group.unclear("C\n\nAfter reviewing the options, the correct answer is D.")
        group.unclear("The answer is B.\n\nThe answer is C.")
        group.unclear("C. Ribosome")
        group.unclear("A, C")
        group.unclear("I choose A. I choose C.")
        group.add("The answer is C.\n\nThe answer is C.", .c)
        group.add("C\n\nFinal answer: C", .c)
        group.add("Answer: A\n\nWait, that's wrong. Actually, the answer is C.", .c)
        return group.cases
    }
}
