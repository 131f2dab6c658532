/// One block of a Markdown answer, as the terminal lays it out: a paragraph, a heading, a list
/// item, a piece of a fenced code block, a table, a rule.
///
/// Code blocks arrive line by line (`codeStart`, `codeLine`…, `codeEnd`), because code is never
/// re-flowed: each line is final as soon as it is complete, so a long code block streams into
/// the scrollback without waiting for its fence to close.
enum MarkdownBlock: Sendable, Hashable {
    /// Prose; `indent` cells when it continues a list item after a blank line.
    case paragraph(String, indent: Int)
    case heading(level: Int, String)
    /// A list item: `marker` (`•`, `◦`, `▪` or the source's `3.`) at `indent` cells, `depth`
    /// lists deep (0 for a top-level list).
    case listItem(indent: Int, depth: Int, marker: String, String)
    /// A block quote's text (Markdown itself, laid out inside a gutter).
    case quote(String)
    /// A code block opens (its language, if named), `indent` cells in (inside a list item).
    case codeStart(language: String?, indent: Int)
    case codeLine(String, indent: Int)
    case codeEnd(indent: Int)
    case table(MarkdownTable)
    /// One row of a table too long to hold back, shown as `header: value` lines.
    case tableRecord(header: [String], cells: [String])
    case rule
    /// A blank line between blocks (runs of blank lines are one).
    case blank
}

/// A GFM table: its header cells and body rows (cells as Markdown text).
struct MarkdownTable: Sendable, Hashable {
    var header: [String]
    var rows: [[String]]
}

/// One laid-out row: its text (with arena's own SGR styling), its width in cells, and where
/// it starts in its block's source, so that after a resize the layout can resume there.
struct MarkdownRow: Sendable, Hashable {
    var text: String
    var width: Int
    /// A position in the block (a UTF-8 offset for prose and code, a row index for tables);
    /// laying the block out again `from:` it yields this row and the rest.
    var resume: Int
}
