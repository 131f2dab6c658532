import ArenaTestServer
import Foundation
import Testing

/// MMLU commands over the full release (``MMLUTestRelease``), through the built binary.
/// Skipped without the release, unless CI.
@Suite(.enabled(if: MMLUTestRelease.shouldRun, Comment(rawValue: MMLUTestRelease.skipReason)))
struct MMLUReleaseCommandTests {
    private let release = MMLUTestRelease.directory ?? "ARENA_MMLU_DIR (\(MMLUTestRelease.missingMessage))"

    @Test func subjectListsTheReleaseWithItsCounts() throws {
        let result = try ArenaBinary.runPiped(["--no-record", "--mmlu", release], input: "/subject\n")
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").filter { $0.range(of: #"^[a-z_]+ +\d+ +\d+ +\d+$"#, options: .regularExpression) != nil }
        #expect(rows.count == 57)
        #expect(result.stdout.contains("15,858 questions in 57 subjects"))
        #expect(rows.contains { $0.hasPrefix("high_school_psychology") && $0.hasSuffix("545") })
    }

    @Test func examplesAreRandomAndNumbered() throws {
        let result = try ArenaBinary.runPiped(["--no-record", "--mmlu", release], input: "/subject virology\n/examples 3\n/examples 0\n", extra: ["NO_COLOR": "1"])
        #expect(result.stdout.contains("virology: 189 questions; the first 5:"))
        #expect(result.stdout.contains("3 random questions from virology:"))
        #expect(result.stdout.contains("  3. "))
        #expect(result.stderr.contains("stdin:3: /examples: expected a number of questions from 1 to 100, got '0'"))
    }

    @Test func aSplitCanBeNamed() throws {
        let result = try ArenaBinary.runPiped(["--no-record", "--mmlu", release], input: "/subject virology\n/examples 2 dev\n/random val\n", extra: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 random dev questions from virology:"))
        #expect((result.stdout + result.stderr).contains("virology/val/"))
    }
}
