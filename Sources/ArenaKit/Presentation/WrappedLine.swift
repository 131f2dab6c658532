/// One line of a column, already wrapped to fit: its text, its width in cells, and whether it
/// is reasoning text (drawn dimmed) rather than the answer.
public struct WrappedLine: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var tone: LineTone

    public init(text: String, width: Int, tone: LineTone = .answer) {
        self.text = text
        self.width = width
        self.tone = tone
    }
}

/// What a line of a column holds, which decides how it is drawn.
public enum LineTone: Sendable, Hashable {
    /// The answer itself.
    case answer
    /// Reasoning ("thinking") text, drawn dimmed.
    case reasoning
    /// arena's own notice in the column, such as an error, drawn in red.
    case notice
}
