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
        for choice in MMLUChoice.allCases {
            lines.append("\(choice.letter). \(trimmed(question.text(of: choice)))")
        }
        lines.append("")
        lines.append(instruction)
        return lines.joined(separator: "\n")
    }

    private static func trimmed(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return String(characters)
    }
}
