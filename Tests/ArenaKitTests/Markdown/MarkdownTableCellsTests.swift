import Testing
@testable import ArenaKit

/// A table row's cells as GFM splits them: on pipes not escaped and not in a code span, the
/// optional pipes at either end dropped, each cell trimmed, `\|` read as a pipe.
@Suite struct MarkdownTableCellsTests {
    @Test(arguments: [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("  |a|b|  ", ["a", "b"]),
        ("| `x|y` | z |", ["`x|y`", "z"]),
        (#"| a \| b | c |"#, ["a | b", "c"]),
        (#"| a \* b | c |"#, [#"a \* b"#, "c"]),
        (#"| \`a | b\` |"#, [#"\`a"#, #"b\`"#]),
        (#"| a | b\|"#, ["a", "b|"]),
        (#"a\"#, [#"a\"#]),
        ("|", [""]),
        ("| | x |", ["", "x"]),
        ("| café | 日本 |", ["café", "日本"]),
        ("|\ta\t|\tb\t|", ["a", "b"]),
    ])
    func splits(row: String, cells: [String]) {
        #expect(MarkdownTableCells.split(row) == cells)
    }
}
