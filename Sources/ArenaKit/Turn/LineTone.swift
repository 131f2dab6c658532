/// What a line of a column holds, which decides how it is drawn.
public enum LineTone: Sendable, Hashable {
    /// The answer itself.
    case answer
    /// Reasoning ("thinking") text, drawn dimmed.
    case reasoning
    /// arena's own notice in the column, such as an error, drawn in red.
    case notice
}
