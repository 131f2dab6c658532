/// One line of a column, already wrapped to fit: its text, its width in cells, and whether it
/// is reasoning text (drawn dimmed) rather than the answer.
struct WrappedLine: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var tone: LineTone

    public init(text: String, width: Int, tone: LineTone = .answer) {
        self.text = text
        self.width = width
        self.tone = tone
    }
}
