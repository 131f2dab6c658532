import ArenaTestSupport
import Testing
@testable import ArenaKit

/// The offline `echo` and `scribe` join blind battles only while no real model is there,
/// unless the models file's `built_in_weight` says otherwise.
@Suite struct BuiltInWeightTests {
    private func weights(yaml: String?, environment: [String: String]) throws -> [String: Double] {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        var environment = environment
        environment["HOME"] = directory.path
        let configPath = try yaml.map { try directory.write("models.yaml", $0) }
        let registry = ModelRegistry.builtIn(pace: BuiltInPace())
        let catalog = ModelCatalog()
        try catalog.load(environment: environment, workingDirectory: directory.path, configPath: configPath, into: registry)
        return Dictionary(uniqueKeysWithValues: registry.descriptors.map { ($0.name, catalog.blindWeight(for: $0.name, in: registry)) })
    }

    @Test func builtInModelsWeighNothingOnceARealModelIsUsable() throws {
        let weights = try weights(yaml: nil, environment: ["TEAM_ENDPOINT": "https://team.example/v1", "TEAM_KEY": "k"])
        #expect(weights == ["echo": 0, "scribe": 0, "team": 1])
    }

    @Test func builtInModelsAreDrawnWhileNothingElseIsUsable() throws {
        // A model that cannot be used (no key) does not count as a real one.
        let weights = try weights(yaml: nil, environment: ["LONELY_ENDPOINT": "https://x.models.ai.azure.com"])
        #expect(weights == ["echo": 1, "scribe": 1, "lonely": 1])
    }

    @Test func theModelsFileSetsTheBuiltInWeight() throws {
        let yaml = "built_in_weight: 0.5\nmodels:\n  team:\n    provider: openai\n    base_url: https://team.example/v1\n    key: k\n    weight: 3\n"
        let weights = try weights(yaml: yaml, environment: [:])
        #expect(weights == ["echo": 0.5, "scribe": 0.5, "team": 3])
    }
}
