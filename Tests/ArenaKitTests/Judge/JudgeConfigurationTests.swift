import ArenaTestSupport
import Foundation
import Testing

@testable import ArenaKit

/// `judge:` and `judge_templates:` in the models file; `ARENA_JUDGE` from the real environment only.
@Suite struct JudgeConfigurationTests {
    private func catalog(_ yaml: String, environment: [String: String] = [:], dotEnv: String? = nil) throws -> (ModelCatalog, [ConfigWarning]) {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("models.yaml", yaml)
        if let dotEnv { try directory.write(".env", dotEnv) }
        let catalog = ModelCatalog()
        let warnings = try catalog.load(environment: environment, workingDirectory: directory.path, configPath: directory.path + "/models.yaml", into: ModelRegistry())
        return (catalog, warnings)
    }

    @Test func theModelsFileNamesTheJudgeAndReplacesTemplates() throws {
        let (catalog, warnings) = try catalog("""
            judge: gpt-4o
            judge_templates:
              pairwise:
                system: Be strict.
                prompt: "Q: {question}\\nA: {answer_a}\\nB: {answer_b}\\nVerdict [[A]], [[B]] or [[C]]."
              single: "Rate {answer} to {question} as Rating: [[N]]"
            models: {}
            """)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(catalog.judge.model == "gpt-4o")
        let templates = JudgeTemplates(overrides: catalog.judge.templates)
        #expect(templates.pairwise.system == "Be strict.")
        #expect(templates.pairwise.render(["question": "q", "answer_a": "x", "answer_b": "y"]).hasPrefix("Q: q\nA: x\nB: y"))
        #expect(templates.single.version.hasPrefix("custom-"))
        #expect(templates.reference == JudgeTemplate.reference)
    }

    @Test func aTemplateWithoutItsPlaceholdersIsAnErrorNamingTheLine() throws {
        #expect {
            _ = try catalog("judge_templates:\n  pairwise: \"Only {question}\"\n")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.line == 2 && error.message.contains("judge_templates.pairwise lacks {answer_a}, {answer_b}")
        }
        #expect(throws: ConfigError.self) { _ = try catalog("judge_templates:\n  verdict: \"{question}\"\n") }
        #expect(throws: ConfigError.self) { _ = try catalog("judge: [a, b]\n") }
    }

    @Test func arenaJudgeComesFromTheRealEnvironmentNeverADotEnv() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("models.yaml", "judge: from-file\n")
        try directory.write(".env", "ARENA_JUDGE=from-dotenv\n")
        let fromFile = try ArenaSetup(environment: ["HOME": directory.path], wordsPerSecond: 0, transcripts: nil, record: false,
                                      configPath: directory.path + "/models.yaml", workingDirectory: directory.path)
        #expect(fromFile.defaultJudge == "from-file")
        let fromEnvironment = try ArenaSetup(environment: ["HOME": directory.path, "ARENA_JUDGE": "from-env"], wordsPerSecond: 0, transcripts: nil,
                                             record: false, configPath: directory.path + "/models.yaml", workingDirectory: directory.path)
        #expect(fromEnvironment.defaultJudge == "from-env")
    }
}
