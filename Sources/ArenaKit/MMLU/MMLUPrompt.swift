/// Turns a question into the text sent to a model: the question, its choices labelled A to D,
/// and a short instruction to answer with one letter. The correct answer is never included.
enum MMLUPrompt {
    /// The instruction that ends every prompt.
    public static let instruction = "Answer with a single letter: A, B, C or D."

    /// The prompt for one question, e.g.
    ///
    ///     The following is a multiple choice question about high school biology.
    ///
    ///     In DNA, adenine pairs with which base?
    ///
    ///     A. Thymine
    ///     B. Guanine
    ///     C. Cytosine
    ///     D. Uracil
    ///
    ///     Answer with a single letter: A, B, C or D.
    ///
    /// Surrounding whitespace of the question and choices is trimmed for display only.
    public static func text(for question: MMLUQuestion) -> String {
        var lines = [
            "The following is a multiple choice question about \(question.subject.displayName).",
            "",
            trimmed(question.question),
            "",
        ]
        lines += choiceLines(of: question)
        lines.append("")
        lines.append(instruction)
        return lines.joined(separator: "\n")
    }

    /// The question itself, without the preamble and choices, as shown above its turn.
    public static func stem(of question: MMLUQuestion) -> String {
        trimmed(question.question)
    }

    /// One line per choice, "A. …", as shown above its turn.
    public static func choiceLines(of question: MMLUQuestion) -> [String] {
        MMLUChoice.allCases.map { "\($0.letter). \(trimmed(question.text(of: $0)))" }
    }

    private static func trimmed(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return String(characters)
    }
}
