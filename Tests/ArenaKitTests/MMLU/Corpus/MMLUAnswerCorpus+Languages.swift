@testable import ArenaKit

extension MMLUAnswerCorpus {
    /// Reasoning models: `<think>` blocks, closed or not.
    static var reasoning: [MMLUCorpusCase] {
        var group = MMLUCorpusGroup("reasoning")
        group.add("<think>The nucleus stores DNA, so maybe A? No — ATP comes from mitochondria.</think>\n\nC", .c)
        group.add("<think>\nThe answer is A. Hmm, no.\n</think>\nThe answer is C.", .c)
        group.add("<think>Option D? Option B?</think>\n\n**C. Mitochondrion**", .c)
        group.add("Okay, let me think.\n</think>\n\nAnswer: C", .c)
        group.add("<thinking>2 + 2 is 4, which is B.</thinking>\nB", .b, .sum)
        group.add("<think>Which city is France's capital? Paris. That is C.</think>\n\nThe capital of France is Paris (C).", .c, .capital)
        group.add("<think>ATP... mitochondria... the answer is C</think>\n\nMitochondrion", .c)
        group.unanswered("<think>The answer is C because mitochondria make ATP. Let me double-check the other options")
        group.unanswered("<think>Let me consider each option.\nA. Nucleus: stores DNA.\nB. Ribosome: makes proteins.\nC. Mitochondrion: makes ATP — this looks right.\n")
        group.unanswered("<think>The answer is C.</think>")
        group.unanswered("<think>The answer is B.</think>\n<think>Hmm, maybe it is C after all", .sum)
        group.add("Let me reason step by step. ATP synthesis mostly happens during oxidative phosphorylation, which takes place in the mitochondria. The nucleus (A) holds DNA; ribosomes (B) translate; the Golgi (D) packages.\n\nFinal answer: C", .c)
        group.add("Let me think: A? B? Maybe A. Actually, the answer is C.", .c)
        group.add("The answer is B. Wait, no: the answer is C.", .c)
        group.add("Initially I thought the answer was A, but after checking, the answer is C.", .c)
        return group.cases
    }

    /// Answers in Spanish, French, German, Portuguese, Chinese and Japanese.
    static var languages: [MMLUCorpusCase] {
        var group = MMLUCorpusGroup("language")
        group.add("La respuesta correcta es la C.", .c)
        group.add("La respuesta es C: la mitocondria produce la mayor parte del ATP.", .c)
        group.add("Respuesta: C", .c)
        group.add("La opción correcta es la C, la mitocondria.", .c)
        group.add("Elijo la C.", .c)
        group.add("La réponse est C.", .c)
        group.add("La bonne réponse est la C : la mitochondrie.", .c)
        group.add("Réponse : C", .c)
        group.add("Je choisis C, car la mitochondrie produit l'ATP.", .c)
        group.add("Die Antwort ist C.", .c)
        group.add("Die richtige Antwort ist C, denn Mitochondrien erzeugen ATP.", .c)
        group.add("Antwort: C", .c)
        group.add("Die richtige Antwort lautet B.", .b, .sum)
        group.add("Ich wähle C.", .c)
        group.add("A resposta correta é C.", .c)
        group.add("A resposta correta é a C, a mitocôndria.", .c)
        group.add("Resposta: C", .c)
        group.add("A alternativa correta é a C.", .c)
        group.add("答案是C", .c)
        group.add("答案是 C。线粒体产生大部分ATP。", .c)
        group.add("正确答案：C", .c)
        group.add("正确答案是C（线粒体）。", .c)
        group.add("我选C。", .c)
        group.add("答案：（C）", .c)
        group.add("答えはCです。", .c)
        group.add("正解は C です。ミトコンドリアがATPを作ります。", .c)
        group.add("答え：C", .c)
        group.add("正解：B", .b, .sum)
        group.add("La respuesta correcta es la C (París).", .c, .capital)
        group.add("A resposta é C. A alternativa D não está correta.", .c)
        group.add("Die Antwort ist C. D wäre richtig, wenn nach dem Golgi-Apparat gefragt wäre.", .c)
        group.add("La réponse est C, pas D.", .c)
        group.add("答案是C，不是A。", .c)
        group.add("**Respuesta correcta: C**\n\nLa mitocondria es la central energética de la célula.", .c)
        return group.cases
    }
}
