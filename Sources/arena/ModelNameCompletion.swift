import ArenaKit
import Foundation

/// Model names for shell completion (`--model-a <Tab>`): the usable models of the live
/// configuration, read as arena reads it on start (models file, `.env`, environment pairs,
/// built-ins) but without probing local servers, so a Tab never waits on the network.
enum ModelNameCompletion {
    /// The names starting with `prefix`, sorted. `words` is the command line being completed:
    /// a `--config FILE` in it is honoured.
    @Sendable static func candidates(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let registry = ModelRegistry.builtIn(pace: BuiltInPace())
        let configPath = words.firstIndex(of: "--config").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
        _ = try? ModelCatalog().load(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            configPath: configPath,
            into: registry
        )
        return registry.descriptors.filter { $0.problem == nil && $0.name.hasPrefix(prefix) }.map(\.name).sorted()
    }
}
