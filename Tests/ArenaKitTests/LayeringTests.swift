import Foundation
import Testing

/// ArenaKit's folders are layers (docs/architecture.md lists them bottom to top): a file may
/// use the types of its own folder and of the folders below it, never of one above.
@Suite struct LayeringTests {
    /// The folders of Sources/ArenaKit, bottom to top; folders on one line share a layer.
    static let layers: [[String]] = [
        ["Support"],
        ["Wire"],
        ["Conversation", "Text"],
        ["Markdown"],
        ["Providers"],
        ["Models", "Config"],
        ["Transcript", "Script", "MMLU", "Ratings", "Diff"],
        ["Judge"],
        ["Turn"],
        ["Presentation"],
        ["Session"],
        ["Commands"],
        ["REPL"],
        ["App"],
    ]

    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ArenaKit")

    /// Every Swift file of ArenaKit: its folder and its text without comments.
    private static func files() throws -> [(folder: String, path: String, code: String)] {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        return try paths.map { path in
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
            }.joined(separator: "\n")
            return (String(path.split(separator: "/")[0]), path, code)
        }
    }

    @Test func everyFolderIsALayer() throws {
        let folders = Set(try Self.files().map(\.folder))
        #expect(folders == Set(Self.layers.flatMap { $0 }))
    }

    @Test func noFolderUsesATypeFromALayerAboveIt() throws {
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        let files = try Self.files()
        let declaration = try Regex(#"(?m)^(?:(?:public|package|final|indirect|@\w+)\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)"#)
        var home: [String: String] = [:]
        for file in files {
            for match in file.code.matches(of: declaration) {
                if let name = match.output[1].substring { home[String(name), default: file.folder] = file.folder }
            }
        }
        // Identifiers by hand: Unicode word boundaries would join `Name.member` into one word.
        let identifier = try Regex(#"[A-Za-z_][A-Za-z0-9_]*"#)
        var violations: [String] = []
        for file in files {
            let used = Set(file.code.matches(of: identifier).map { String(file.code[$0.range]) }.filter { $0.first!.isUppercase })
            for name in used.sorted() {
                guard let folder = home[name], let own = rank[file.folder], let theirs = rank[folder], theirs > own else { continue }
                violations.append("\(file.path) uses \(name) from \(folder)/")
            }
        }
        #expect(violations == [])
    }
}
