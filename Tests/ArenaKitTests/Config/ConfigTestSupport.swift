import ArenaTestSupport
import Foundation
@testable import ArenaKit

/// Loads `yaml` as the models file with `environment`, returning registry, catalog and warnings.
func loadCatalog(
    yaml: String?,
    environment: [String: String] = [:],
    permissions: Int = 0o600,
    dotEnv: String? = nil
) throws -> (ModelRegistry, ModelCatalog, [ConfigWarning], String) {
    let directory = try TemporaryDirectory()
    defer { directory.cleanUp() }
    var environment = environment
    environment["HOME"] = directory.path
    var configPath: String?
    if let yaml { configPath = try directory.write("models.yaml", yaml, permissions: permissions) }
    if let dotEnv { try directory.write(".env", dotEnv) }
    let registry = ModelRegistry()
    let catalog = ModelCatalog()
    let warnings = try catalog.load(environment: environment, workingDirectory: directory.path, configPath: configPath, into: registry)
    return (registry, catalog, warnings, configPath ?? "")
}
