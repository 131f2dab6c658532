/// The words answer extraction recognises, lowercased, in English, Spanish, French, German,
/// Portuguese, Chinese and Japanese. Chinese and Japanese words are matched one character at a
/// time (see `MMLUAnswerTokens`), so multi-character words appear as their characters.
enum MMLUAnswerVocabulary {
    /// Nouns that introduce an answer after a copula or a colon: "the answer is C", "Respuesta: C".
    static let answerNouns: Set<String> = [
        "answer", "solution", "respuesta", "solución", "solucion", "réponse", "reponse",
        "antwort", "lösung", "losung", "resposta", "solução", "solucao", "response",
    ]
    /// Verbs that introduce an answer directly: "I choose C", "elijo la C", "je choisis C".
    static let answerVerbs: Set<String> = [
        "choose", "chose", "pick", "picked", "select", "selected", "boxed", "elijo", "escojo",
        "selecciono", "elegí", "choisis", "choisirais", "sélectionne", "wähle", "wähl", "escolho",
        "seleciono", "opto", "leaves", "leaving",
    ]
    /// Last characters of Chinese and Japanese words that introduce an answer: 答案, 正解, 答え,
    /// 选/選 (choose), 选择/選択.
    static let ideographicKeywords: Set<String> = ["案", "解", "答", "选", "選", "择", "擇", "択"]
    /// Words that introduce an answer only when the letter ends the clause: "It's C.", "Es la C."
    static let weakKeywords: Set<String> = ["it", "it's", "it\u{2019}s", "c'est", "c\u{2019}est", "es", "ist", "é", "so", "thus", "therefore", "hence", "say", "definitely", "clearly", "surely", "obviously", "probably", "likely"]
    /// Nouns that name a choice: "option C", "la opción C", "选项C".
    static let choiceNouns: Set<String> = [
        "option", "choice", "letter", "one", "opción", "opcion", "alternativa", "letra", "choix",
        "lettre", "auswahl", "buchstabe", "opção", "opcao", "项", "項", "肢",
    ]
    /// Qualifiers that make a choice noun an answer: "the best option is C".
    static let qualifiers: Set<String> = [
        "correct", "right", "best", "final", "appropriate", "accurate", "proper", "answer", "true",
        "correcta", "correcto", "bonne", "correcte", "richtige", "richtig", "korrekte", "correta",
        "correto", "certa", "certo", "mejor", "meilleure",
    ]
    /// Copulas and marks between a noun keyword and its letter: "answer is C", "Antwort lautet C".
    static let copulas: Set<String> = [
        "is", "be", "was", "are", "es", "sería", "seria", "est", "serait", "ist", "lautet", "wäre",
        "é", "será", "是", "为", "為", "は", "が", "=", ":", "-", "\u{2014}", "\u{2013}", "→", "⇒",
    ]
    /// Words that may stand between an answer keyword and its letter.
    static let fillers: Set<String> = [
        "is", "be", "would", "will", "should", "must", "was", "therefore", "thus", "hence", "so",
        "probably", "likely", "most", "clearly", "definitely", "then", "indeed", "here", "my", "the",
        "text", "textbf", "mathrm", "mathbf", "actually", "with", "for", "go", "i", "i'd", "i'll", "am", "we", "a",
        "es", "la", "el", "lo", "sería", "seria", "será", "por", "tanto", "entonces", "mi", "correcta",
        "correcto", "final", "est", "le", "l", "donc", "ma", "serait", "bonne", "correcte", "finale",
        "ist", "die", "der", "lautet", "also", "daher", "meine", "richtige", "korrekte", "endgültige",
        "wäre", "für", "mich", "ich", "é", "o", "portanto", "logo", "minha", "correta", "correto",
        "será", "je", "yo", "eu", "是", "为", "為", "应", "應", "该", "該", "就", "的", "即", "当", "當",
        "は", "が", "の", "を", "で", "最", "终", "終", "正", "确", "確", "我", "会", "會", "选", "選",
        "项", "項", "肢", "択", "择", "擇",
    ]
    /// Conditionals that make a statement hypothetical: "D would be right if …".
    static let conditionals: Set<String> = [
        "if", "unless", "assuming", "provided", "suppose", "supposing", "were", "si", "wenn",
        "falls", "caso", "如果", "若", "假", "なら", "場", "ば",
    ]
    /// Modal verbs; with a conditional in the same sentence they mark a hypothetical.
    static let modals: Set<String> = [
        "would", "could", "might", "i'd", "sería", "seria", "podría", "serait", "pourrait",
        "wäre", "würde", "könnte", "poderia",
    ]
    /// Words that rule the next letter out: "not D", "rule out D", "except C".
    static let negations: Set<String> = [
        "not", "never", "except", "exclude", "excluding", "eliminate", "eliminating", "eliminated",
        "than", "no", "nor", "neither", "out", "against", "instead", "ni", "sauf", "pas",
        "nicht", "kein", "keine", "außer", "não", "nao", "exceto", "excepto", "不", "非", "没", "沒",
        "除", "排",
    ]
    /// Words that join a letter to another one in a hedge: "A or B".
    static let alternatives: Set<String> = ["or", "o", "ou", "oder", "或", "还", "還"]
    /// Words that join a letter to another one in a list: "A and C".
    static let conjunctions: Set<String> = ["and", "y", "e", "et", "und", "和", "与", "與", "及", "と"]
    /// Words that declare a choice right: "(C) is correct", "C es la correcta", "C是正确的".
    static let approvals: Set<String> = [
        "correct", "right", "best", "answer", "true", "accurate", "correcta", "correcto", "verdadera",
        "respuesta", "bonne", "correcte", "vraie", "réponse", "richtig", "richtige", "korrekt",
        "antwort", "correta", "correto", "certa", "verdadeira", "resposta", "正", "对", "對",
    ]
    /// Words that declare a choice wrong: "(B) is wrong", "B ist falsch", "B是错的".
    static let rejections: Set<String> = [
        "not", "incorrect", "wrong", "false", "invalid", "unlikely", "inaccurate", "isn't",
        "isn\u{2019}t", "no", "out", "eliminated", "excluded", "incorrecta", "incorrecto", "falsa",
        "falso", "incorrecte", "fausse", "faux", "pas", "falsch", "nicht", "inkorrekt", "errada",
        "errado", "incorreta", "incorreto", "não", "错", "錯", "误", "誤", "不", "間", "违", "違",
    ]
    /// Marks that give a verdict on a labelled line: "C) Mitochondrion ✓".
    static let approvalMarks: Set<String> = ["✓", "✔", "✅", "☑"]
    static let rejectionMarks: Set<String> = ["✗", "✘", "❌", "×", "✖", "❎"]
    /// Verbs of looking at an option, not choosing it: "consider option A".
    static let examinations: Set<String> = [
        "consider", "considering", "check", "checking", "examine", "examining", "evaluate", "evaluating",
        "analyze", "analyzing", "analyse", "look", "looking", "review", "reviewing", "start", "starting",
    ]
    /// Words that revise an earlier statement: "Wait, no: the answer is C."
    static let corrections: Set<String> = [
        "wait", "actually", "correction", "rather", "reconsider", "reconsidering", "mistake",
        "oops", "sorry", "revised", "correcting", "espera", "realidad", "corrijo", "fait",
        "plutôt", "attendez", "eigentlich", "korrektur", "moment", "verdade", "aliás", "其实",
        "其實", "更正", "实", "實", "訂", "订",
    ]
    /// Copulas between a letter and its verdict: "C is right", "C es correcta".
    static let verdictCopulas: Set<String> = [
        "is", "are", "was", "seems", "looks", "remains", "es", "está", "est", "ist", "é", "是",
        "は", "が", "fits", "would", "be", "also", "clearly", "definitely", "the", "a", "an", "la",
        "el", "le", "die", "der", "o", "most", "only", "obviously", "simply", "just", "equally",
        "de", "bien", "也", "都", "十", "分", "的", "一", "个", "個", "最", "选", "項", "项", "肢", "択",
    ]
}
