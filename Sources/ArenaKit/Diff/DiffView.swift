/// Which layout `/diff` shows: the two answers side by side (``SideBySideDiffLayout``) or one
/// merged text (``WordDiffLayout``).
public enum DiffView: String, Sendable, Hashable, CaseIterable {
    /// Columns on a terminal at least ``narrowestColumns`` cells wide; the merged text on a
    /// narrower one and when the output is not a terminal.
    case automatic
    /// Always the two columns (``pipeWidth`` cells wide when the output is not a terminal).
    case columns
    /// Always the merged text.
    case merged

    /// The narrowest terminal on which `/diff` shows columns by itself.
    static let narrowestColumns = 60

    /// The width of the columns when they are asked for and the output has none.
    static let pipeWidth = 80

    /// The width to lay the columns out in, or `nil` for the merged text, on an output `width`
    /// cells wide (`nil`: not a terminal).
    func columnsWidth(output width: Int?) -> Int? {
        switch self {
        case .merged: return nil
        case .columns: return width ?? Self.pipeWidth
        case .automatic: return width.flatMap { $0 >= Self.narrowestColumns ? $0 : nil }
        }
    }
}
