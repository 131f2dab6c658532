import Foundation
import Testing
@testable import ArenaKit

@Suite("MMLU answer corpus")
struct MMLUAnswerCorpusTests {
    @Test("every corpus answer is read as intended", arguments: MMLUAnswerCorpus.all)
    func readsAsIntended(_ item: MMLUCorpusCase) {
        #expect(MMLUAnswerExtractor.read(item.response, choices: item.question.choices) == item.expected, "\(item)")
    }

    @Test("the corpus is large and covers every kind of answer")
    func coverage() {
        let all = MMLUAnswerCorpus.all
        #expect(all.count >= 150)
        #expect(Set(all.map(\.group)) == ["short", "verbose", "markdown", "list", "reasoning", "language", "adversarial", "conflict", "held-out"])
        #expect(all.contains { $0.expected == .unclear } && all.contains { $0.expected == .unanswered })
    }

    @Test("docs/mmlu.md states the measured agreement of the extractor and of the strict baseline")
    func documentedAgreement() throws {
        let all = MMLUAnswerCorpus.all
        let extractor = all.filter { MMLUAnswerExtractor.read($0.response, choices: $0.question.choices) == $0.expected }.count
        let baseline = all.filter { MMLUStrictBaseline.read($0.response) == $0.expected }.count
        let docsRoot = try #require(Self.packageRoot())
        let docs = try String(contentsOfFile: docsRoot + "/docs/mmlu.md", encoding: .utf8)
        #expect(docs.contains("| arena's extractor | \(extractor) of \(all.count) | \(MMLUAccuracyTable.percent(Double(extractor) / Double(all.count))) |"))
        #expect(docs.contains("| strict baseline (first-line letter) | \(baseline) of \(all.count) | \(MMLUAccuracyTable.percent(Double(baseline) / Double(all.count))) |"))
    }

    @Test("the strict baseline reads only a first line that is a letter")
    func baseline() {
        #expect(MMLUStrictBaseline.read("**C**\n\nBecause…") == .choice(.c))
        #expect(MMLUStrictBaseline.read("(b).") == .choice(.b))
        #expect(MMLUStrictBaseline.read("The answer is C.") == .unanswered)
    }

    /// The nearest directory above this file that holds Package.swift.
    private static func packageRoot(filePath: String = #filePath) -> String? {
        var directory = (filePath as NSString).deletingLastPathComponent
        while directory != "/" && !directory.isEmpty {
            if FileManager.default.fileExists(atPath: directory + "/Package.swift") { return directory }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return nil
    }
}
