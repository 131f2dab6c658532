/// A run of text in a diff: unchanged, only in the new text, or only in the old text.
struct DiffSegment: Sendable, Hashable {
    /// What happened to the text.
    public enum Kind: Sendable, Hashable {
        /// In both texts.
        case equal
        /// Only in the new (second) text.
        case inserted
        /// Only in the old (first) text.
        case deleted
    }

    /// What happened to `text`.
    var kind: Kind
    /// The text itself, whitespace included.
    public var text: String

    /// Creates a segment.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
