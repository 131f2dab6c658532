import Foundation
@testable import ArenaKit

/// A fresh temporary directory for one test, removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("arena-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` with POSIX `permissions`, returning the file's path.
    @discardableResult
    func write(_ name: String, _ text: String, permissions: Int = 0o600) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: file)
        return file
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

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
