import Foundation
import Synchronization

/// Every configured model: loads them from the models file, the `.env` file and the
/// environment into a ``ModelRegistry``, and answers per-model questions arena asks later
/// (prices for cost, weights for blind battles, the connection behind a name).
///
/// ```swift
/// let catalog = ModelCatalog()
/// let warnings = try catalog.load(environment: ProcessInfo.processInfo.environment,
///                                 workingDirectory: FileManager.default.currentDirectoryPath,
///                                 configPath: options.config, into: registry)
/// Task { await catalog.discoverLocalServers(into: registry) }
/// ```
public final class ModelCatalog: Sendable {
    private let specs = Mutex<[String: ModelSpec]>([:])
    private let loadedEnvironment = Mutex<[String: String]>([:])
    private let leftOutEndpoints = Mutex<[EnvironmentModels.LeftOut]>([])
    private let configuredBuiltInWeight = Mutex<Double?>(nil)
    private let configuredJudge = Mutex(JudgeConfiguration())

    public init() {}

    /// Loads every model arena can find and registers each in `registry` (file models replace
    /// environment models of the same name). Models that cannot work (missing key, bad URL)
    /// are registered with ``ModelDescriptor/problem`` set, never dropped.
    ///
    /// - Parameters:
    ///   - environment: the process environment; a `.env` file in `workingDirectory` may add
    ///     models and keys of its own, within the limits of ``ConfigEnvironment``.
    ///   - configPath: `--config FILE`, if given. Else `ARENA_CONFIG`, else
    ///     `$XDG_CONFIG_HOME/arena/models.yaml` or `~/.config/arena/models.yaml` (optional).
    /// - Returns: warnings worth showing (literal keys in readable files, ignored settings,
    ///   models that cannot be used).
    /// - Throws: ``ConfigError`` naming file:line when the file cannot be used at all.
    @discardableResult
    public func load(
        environment: [String: String],
        workingDirectory: String,
        configPath: String?,
        into registry: ModelRegistry
    ) throws -> [ConfigWarning] {
        let variables = ConfigEnvironment(process: environment, dotEnvIn: workingDirectory)
        loadedEnvironment.withLock { $0 = variables.merged }
        var warnings = variables.warnings
        var (loaded, refused, leftOut) = EnvironmentModels.specs(in: variables)
        warnings += refused
        leftOutEndpoints.withLock { $0 = leftOut }
        // Where the models file is comes from the user alone (never from a .env).
        if let location = ConfigLocation.path(explicit: configPath, environment: environment, workingDirectory: workingDirectory) {
            if FileManager.default.fileExists(atPath: location.path) {
                if let problem = FileKind.problemReading(location.path) {
                    throw ConfigError(file: location.path, line: nil, message: problem)
                }
                guard let text = try? String(contentsOfFile: location.path, encoding: .utf8) else {
                    throw ConfigError(file: location.path, line: nil, message: "cannot read the file (is it UTF-8 text you may read?)")
                }
                var parser = ModelsFileParser(
                    file: location.path, environment: variables,
                    isReadableByOthers: ConfigLocation.isReadableByOthers(location.path)
                )
                let fromFile = try parser.parse(text)
                warnings += parser.warnings
                configuredBuiltInWeight.withLock { $0 = parser.builtInWeight }
                configuredJudge.withLock { $0 = parser.judge }
                let names = Set(fromFile.map(\.connection.name))
                loaded.removeAll { names.contains($0.connection.name) }
                loaded += fromFile
            } else if location.isExplicit {
                throw ConfigError(file: location.path, line: nil, message: "no such file")
            }
        }
        for var spec in loaded {
            if let problem = spec.connection.key?.problem {
                spec.connection.key = nil
                spec.problem = [spec.problem, problem].compactMap { $0 }.joined(separator: "; ")
            }
            register(spec, into: registry)
            if let problem = spec.problem {
                warnings.append(ConfigWarning(file: spec.file, line: spec.line, message: "model '\(spec.connection.name)' cannot be used: \(problem)"))
            }
        }
        return warnings
    }

    /// Registers one model spec (also used for discovered models).
    func register(_ spec: ModelSpec, into registry: ModelRegistry) {
        specs.withLock { $0[spec.connection.name] = spec }
        registry.register(spec.descriptor) { try spec.makeClient() }
    }

    /// The variables model configuration was read from (the real environment plus what the
    /// `.env` may add). Settings that steer arena itself read the real environment alone.
    public var environment: [String: String] { loadedEnvironment.withLock { $0 } }

    /// The `<NAME>_ENDPOINT` variables that are not chat endpoints, with the reason.
    public var leftOut: [EnvironmentModels.LeftOut] { leftOutEndpoints.withLock { $0 } }

    /// Every model loaded, by name.
    public var allSpecs: [ModelSpec] { specs.withLock { Array($0.values) }.sorted { $0.connection.name < $1.connection.name } }

    /// The spec of model `name`.
    public func spec(named name: String) -> ModelSpec? {
        specs.withLock { $0[name] }
    }

    /// Prices per million tokens of model `name`, when configured.
    public func prices(for name: String) -> ModelPrices? {
        spec(named: name)?.prices
    }

    /// The blind-battle weight of model `name` (1 when not configured; 0 excludes it).
    public func weight(for name: String) -> Double {
        spec(named: name)?.weight ?? 1
    }

    /// The blind-battle weight of model `name` among the models of `registry`: a configured
    /// model's ``weight(for:)``; a built-in model's is the models file's `built_in_weight`,
    /// else 0 once any other model is usable (a battle between real models never draws the
    /// offline `echo` or `scribe`) and 1 while nothing else is.
    public func blindWeight(for name: String, in registry: ModelRegistry) -> Double {
        guard registry.descriptor(named: name)?.provider == .builtIn else { return weight(for: name) }
        if let configured = configuredBuiltInWeight.withLock({ $0 }) { return configured }
        let hasRealModel = registry.descriptors.contains { $0.provider != .builtIn && $0.problem == nil && !$0.name.hasSuffix("@recorded") }
        return hasRealModel ? 0 : 1
    }

    /// The models file's judge settings (`judge:`, `judge_templates:`).
    public var judge: JudgeConfiguration { configuredJudge.withLock { $0 } }

    /// The configured default settings of model `name` (the client applies them already;
    /// this is for showing them).
    public func defaultSettings(for name: String) -> GenerationSettings? {
        spec(named: name)?.connection.defaults
    }
}
