/// One line of a column, already wrapped to fit: its text, its width in cells, and whether it
/// is reasoning text (drawn dimmed) rather than the answer.
struct WrappedLine: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var tone: LineTone
    /// The text carries its own styling (a rendered Markdown row), so it is drawn as it is.
    var isStyled: Bool

    public init(text: String, width: Int, tone: LineTone = .answer, isStyled: Bool = false) {
        self.text = text
        self.width = width
        self.tone = tone
        self.isStyled = isStyled
    }
}
