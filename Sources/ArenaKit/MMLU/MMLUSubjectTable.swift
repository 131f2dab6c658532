/// The plain-text listing `/subject` shows: which question set is in use, then each subject
/// with its question counts per split.
///
///     built-in question set (60 questions in 12 subjects)
///     subject                    dev  val  test
///     abstract_algebra             0    0     5
enum MMLUSubjectTable {
    /// The listing for `bank`, one subject per line, sorted by name, ending with a newline.
    public static func render(_ bank: MMLUQuestionBank) -> String {
        let header = ["subject", "dev", "val", "test"]
        let rows = bank.subjectSummaries().map { summary in
            [summary.subject.name] + MMLUSplit.allCases.map { String(summary.count($0)) }
        }
        let table = [header] + rows
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            .joined(separator: "  ")
        }
        return ([bank.sourceDescription] + lines).joined(separator: "\n") + "\n"
    }
}
