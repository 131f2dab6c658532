import Foundation
import Testing

/// Issue 11: a models file that once crashed or hung arena is one message naming the file and
/// line, and a non-zero exit.
@Suite struct HostileConfigTests {
    private func models(_ yaml: String) throws -> (stdout: String, stderr: String, status: Int32, path: String) {
        let path = ArenaBinary.temporaryHome() + "/models.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ArenaBinary.runPiped(["models", "--config", path], input: "")
        return (result.stdout, result.stderr, result.status, path)
    }

    @Test(arguments: [
        ("timeouts: {first_token: .inf}", "expected 'timeouts.first_token' to be a number from 0 to 86400, found '.inf'"),
        ("timeouts: {connect: 1e300}", "expected 'timeouts.connect' to be a number from 0 to 86400, found '1e300'"),
        ("retry: {max_total_wait: .inf}", "expected 'retry.max_total_wait' to be a number from 0 to 86400, found '.inf'"),
        ("weight: .inf", "expected 'weight' to be a number from 0 to 1000000, found '.inf'"),
        ("weight: 1e308", "expected 'weight' to be a number from 0 to 1000000, found '1e308'"),
    ])
    func numbersThatCrashedArenaAreRefusedWithTheirLine(setting: String, message: String) throws {
        let result = try models("models:\n  x:\n    provider: openai\n    base_url: http://127.0.0.1:9/v1\n    \(setting)\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(result.path):5: \(message)"), "\(result.stderr)")
    }

    @Test func anAliasBombIsRefusedInsteadOfExpanded() throws {
        var yaml = "models:\n  x:\n    provider: openai\n    base_url: http://127.0.0.1:9/v1\n    body:\n"
        yaml += "      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "      a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        let result = try models(yaml)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(result.path):5: 'body' is too large"), "\(result.stderr)")
    }
}
