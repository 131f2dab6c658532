import Yams

/// Reads a `models.yaml` file into ``ModelSpec``s, reporting mistakes as ``ConfigError``s that
/// name the file, the line and what was expected.
///
/// ```yaml
/// models:
///   gpt-4o:
///     provider: azure-openai
///     endpoint: https://my-resource.openai.azure.com
///     deployment: gpt-4o
///     api_version: 2024-10-21
///     key: ${AZURE_OPENAI_KEY}
///     parameters: {temperature: 0.7, max_tokens: 1024}
///     prices: {input: 2.5, output: 10}
/// ```
struct ModelsFileParser {
    let file: String
    /// The variables `${NAME}` references read; a `.env`'s are marked, so that an endpoint
    /// from a `.env` is used only with a key from the same `.env` (``ConfigEnvironment``).
    let environment: ConfigEnvironment
    /// True when the file can be read by group or others (literal keys then get a warning).
    let isReadableByOthers: Bool
    private(set) var warnings: [ConfigWarning] = []
    /// The top-level `built_in_weight`, when set: the blind-battle weight of `echo` and `scribe`.
    private(set) var builtInWeight: Double?
    /// The top-level `judge` and `judge_templates`.
    var judge = JudgeConfiguration()

    init(file: String, environment: ConfigEnvironment, isReadableByOthers: Bool) {
        self.file = file
        self.environment = environment
        self.isReadableByOthers = isReadableByOthers
    }

    static let modelKeys: Set<String> = [
        "provider", "endpoint", "base_url", "url", "model", "deployment", "api_version", "key", "key_command",
        "parameters", "headers", "body", "prices", "timeouts", "retry", "weight", "stream_usage", "summary",
    ]

    mutating func parse(_ text: String) throws -> [ModelSpec] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        }
        guard let root else { return [] }
        guard case .mapping(let top) = root else {
            throw error(at: root, "expected a mapping with a 'models' key at the top")
        }
        var specs: [ModelSpec] = []
        for (keyNode, value) in top {
            let key = normalized(keyNode.string ?? "")
            if key == "built_in_weight" {
                builtInWeight = try number(value, "built_in_weight", in: ConfigLimits.weight)
                continue
            }
            if key == "judge" || key == "judge_templates" {
                try key == "judge" ? parseJudgeModel(value) : parseJudgeTemplates(value)
                continue
            }
            guard key == "models" else {
                warn(at: keyNode, "unknown top-level key '\(keyNode.string ?? "")' (ignored); expected 'models', 'built_in_weight', 'judge' or 'judge_templates'")
                continue
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty || value.null != nil { continue }
            guard case .mapping(let models) = value else {
                throw error(at: value, "expected 'models' to map model names to their settings")
            }
            for (nameNode, settings) in models {
                guard let name = nameNode.string, !name.isEmpty, case .scalar = nameNode else {
                    throw error(at: nameNode, "expected a model name")
                }
                specs.append(try parseModel(name: name, nameNode: nameNode, settings))
            }
        }
        return specs
    }

    // MARK: One model

    private mutating func parseModel(name: String, nameNode: Node, _ node: Node) throws -> ModelSpec {
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "expected the settings of model '\(name)' as a mapping (provider, endpoint, key, ...)")
        }
        var fields: [String: (key: Node, value: Node)] = [:]
        for (keyNode, value) in mapping {
            let key = normalized(keyNode.string ?? "")
            guard Self.modelKeys.contains(key) else {
                warn(at: keyNode, "unknown setting '\(keyNode.string ?? "")' for model '\(name)' (ignored); expected one of: \(Self.modelKeys.sorted().joined(separator: ", "))")
                continue
            }
            fields[key] = (keyNode, value)
        }
        var problems: [String] = []

        let endpointField = fields["endpoint"] ?? fields["base_url"] ?? fields["url"]
        var endpoint = try endpointField.map { try expanded(string($0.value, "endpoint"), field: "endpoint", problems: &problems) }
        let provider: ProviderKind
        if let field = fields["provider"] {
            let text = try string(field.value, "provider")
            guard let kind = ProviderKind(rawValue: text.lowercased().replacingOccurrences(of: "_", with: "-")), kind != .builtIn else {
                throw error(at: field.value, "'provider' must be one of azure-ai, azure-openai, openai, anthropic; found '\(text)'")
            }
            provider = kind
        } else if let endpoint, !endpoint.isEmpty {
            provider = ProviderInference.provider(for: endpoint)
        } else {
            throw error(at: nameNode, "model '\(name)' needs a 'provider' (azure-ai, azure-openai, openai, anthropic) or an 'endpoint'")
        }
        if endpoint == nil || endpoint?.isEmpty == true {
            switch provider {
            case .openAI: endpoint = "https://api.openai.com/v1"
            case .anthropic: endpoint = "https://api.anthropic.com"
            case .azureAI, .azureOpenAI, .builtIn: problems.append("no endpoint configured")
            }
        }
        var connection = ModelConnection(name: name, provider: provider, origin: .file, endpoint: endpoint ?? "")
        if let field = fields["model"] { connection.model = try expanded(string(field.value, "model"), field: "model", problems: &problems) }
        if let field = fields["deployment"] { connection.deployment = try expanded(string(field.value, "deployment"), field: "deployment", problems: &problems) }
        if let field = fields["api_version"] { connection.apiVersion = try string(field.value, "api_version") }
        if provider == .openAI || provider == .anthropic, connection.model == nil { connection.model = name }
        if let endpoint, !endpoint.isEmpty, !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) || URLParts.host(of: endpoint) == nil {
            problems.append("endpoint '\(endpoint)' is not an http(s) URL")
        }
        if provider == .azureOpenAI, connection.deployment == nil {
            let parsed = AzureDeploymentURL(endpoint ?? "")
            connection.deployment = parsed.deployment
            if connection.apiVersion == nil { connection.apiVersion = parsed.apiVersion }
            if parsed.deployment == nil { problems.append("no deployment configured (add 'deployment:')") }
        }

        let keySource = try parseKey(fields, model: name, provider: provider, endpoint: endpoint ?? "", connection: &connection, problems: &problems)
        if let field = fields["parameters"] { connection.defaults = try parseParameters(field.value) }
        if let field = fields["headers"] {
            for (headerName, value) in try mappingPairs(field.value, "headers") {
                connection.extraHeaders[headerName] = try expanded(string(value, "headers.\(headerName)"), field: "header \(headerName)", problems: &problems)
            }
        }
        if let field = fields["body"] {
            guard case .object(let object) = try jsonValue(field.value, reportingAt: field.key), true else {
                throw error(at: field.value, "expected 'body' to be a mapping of extra request keys")
            }
            connection.extraBody = object
        }
        if let field = fields["timeouts"] { connection.timeouts = try parseTimeouts(field.value) }
        if let field = fields["retry"] { connection.retry = try parseRetry(field.value) }
        if let field = fields["stream_usage"] { connection.requestsStreamUsage = try bool(field.value, "stream_usage") }
        if let endpointField, let refusal = environment.refusal(
            endpointText: try string(endpointField.value, "endpoint"), keySource: keySource,
            headers: try fields["headers"].map { try mappingPairs($0.value, "headers").map { ($0.0, try string($0.1, "headers.\($0.0)")) } } ?? []
        ) {
            problems.append(refusal)
            connection.key = nil
            connection.extraHeaders = [:]
        }

        var prices: ModelPrices?
        if let field = fields["prices"] {
            let pairs = Dictionary(try mappingPairs(field.value, "prices"), uniquingKeysWith: { $1 })
            guard let input = pairs["input"], let output = pairs["output"] else {
                throw error(at: field.value, "expected 'prices' to have 'input' and 'output' (per million tokens)")
            }
            prices = ModelPrices(
                inputPerMillion: try number(input, "prices.input", in: ConfigLimits.price),
                outputPerMillion: try number(output, "prices.output", in: ConfigLimits.price))
        }
        var weight: Double?
        if let field = fields["weight"] {
            weight = try number(field.value, "weight", in: ConfigLimits.weight)
        }
        return ModelSpec(
            connection: connection, keySource: keySource, prices: prices, weight: weight,
            problem: problems.isEmpty ? nil : problems.joined(separator: "; "), file: file, line: nameNode.mark?.line
        )
    }

    private mutating func parseKey(
        _ fields: [String: (key: Node, value: Node)], model: String, provider: ProviderKind, endpoint: String,
        connection: inout ModelConnection, problems: inout [String]
    ) throws -> KeySource {
        if fields["key"] != nil, let command = fields["key_command"] {
            throw error(at: command.key, "model '\(model)' has both 'key' and 'key_command'; keep one")
        }
        if let field = fields["key_command"] {
            let command = try string(field.value, "key_command")
            guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(at: field.value, "'key_command' is empty") }
            return .command(command)
        }
        if let field = fields["key"] {
            let text = try string(field.value, "key")
            if let variable = EnvironmentReference.soleReference(in: text) {
                if let value = environment[variable], !value.isEmpty {
                    connection.key = APIKey(value)
                } else {
                    problems.append("key: environment variable \(variable) is not set")
                }
                return .environment(variable)
            }
            let key = APIKey(text)
            connection.key = key
            if isReadableByOthers {
                warn(at: field.key, "model '\(model)' has a literal key in a file readable by group or others; use key: ${VAR} or key_command, or chmod 600 the file")
            }
            return .literal(key)
        }
        if Self.needsKey(provider: provider, endpoint: endpoint) {
            problems.append("no key configured (add key: ${VAR} or key_command)")
        }
        return .none
    }

    /// Local OpenAI-compatible servers need no key; everything else does.
    static func needsKey(provider: ProviderKind, endpoint: String) -> Bool {
        guard provider == .openAI else { return provider != .builtIn }
        return !ProviderInference.isLocal(endpoint)
    }

    private mutating func parseParameters(_ node: Node) throws -> GenerationSettings {
        var settings = GenerationSettings()
        for (key, value) in try mappingPairs(node, "parameters") {
            switch normalized(key) {
            case "temperature": settings.temperature = try number(value, "temperature", in: ConfigLimits.temperature)
            case "max_tokens": settings.maxTokens = Int(try number(value, "max_tokens", in: ConfigLimits.maxTokens))
            case "top_p": settings.topP = try number(value, "top_p", in: ConfigLimits.topP)
            case "seed": settings.seed = try integer(value, "seed")
            case "stop":
                if case .sequence(let items) = value {
                    settings.stop = try items.map { try string($0, "stop") }
                } else {
                    settings.stop = [try string(value, "stop")]
                }
            case "system_prompt", "system": settings.systemPrompt = try string(value, "system_prompt")
            default:
                warn(at: value, "unknown parameter '\(key)' (ignored); expected temperature, max_tokens, top_p, seed, stop or system_prompt (put provider-specific keys under 'body')")
            }
        }
        return settings
    }

    private func parseTimeouts(_ node: Node) throws -> ProviderTimeouts {
        var timeouts = ProviderTimeouts()
        for (key, value) in try mappingPairs(node, "timeouts") {
            guard try number(value, "timeouts.\(key)") > 0 else { throw error(at: value, "'timeouts.\(key)' must be more than zero seconds") }
            let seconds = try number(value, "timeouts.\(key)", in: ConfigLimits.seconds)
            switch normalized(key) {
            case "connect": timeouts.connect = seconds
            case "first_token": timeouts.firstToken = seconds
            case "idle": timeouts.idle = seconds
            default: throw error(at: value, "unknown timeout '\(key)'; expected connect, first_token or idle (seconds)")
            }
        }
        return timeouts
    }

    private func parseRetry(_ node: Node) throws -> RetryPolicy {
        var retry = RetryPolicy()
        for (key, value) in try mappingPairs(node, "retry") {
            switch normalized(key) {
            case "max_retries": retry.maxRetries = Int(try number(value, "retry.max_retries", in: ConfigLimits.retries))
            case "max_total_wait": retry.maxTotalWait = try number(value, "retry.max_total_wait", in: ConfigLimits.seconds)
            case "base_delay": retry.baseDelay = try number(value, "retry.base_delay", in: ConfigLimits.seconds)
            case "max_delay": retry.maxDelay = try number(value, "retry.max_delay", in: ConfigLimits.seconds)
            default: throw error(at: value, "unknown retry setting '\(key)'; expected max_retries, max_total_wait, base_delay or max_delay")
            }
        }
        return retry
    }

    // MARK: Values

    func normalized(_ key: String) -> String {
        key.lowercased().replacingOccurrences(of: "-", with: "_")
    }

    private func expanded(_ text: String, field: String, problems: inout [String]) -> String {
        let (value, missing) = EnvironmentReference.expand(text, in: environment.merged)
        for name in missing { problems.append("\(field) uses ${\(name)}, which is not set") }
        return value
    }

    private func mappingPairs(_ node: Node, _ field: String) throws -> [(String, Node)] {
        guard case .mapping(let mapping) = node else { throw error(at: node, "expected '\(field)' to be a mapping") }
        return try mapping.map { key, value in
            guard let name = key.string else { throw error(at: key, "expected a key name in '\(field)'") }
            return (name, value)
        }
    }

    private func string(_ node: Node, _ field: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(at: node, "expected '\(field)' to be text") }
        return scalar.string
    }

    private func number(_ node: Node, _ field: String) throws -> Double {
        guard case .scalar(let scalar) = node, let value = node.int.map(Double.init) ?? node.float ?? Double(scalar.string) else {
            throw error(at: node, "expected '\(field)' to be a number, found '\(node.string ?? "a collection")'")
        }
        return value
    }

    /// A number within `range` (never infinite or NaN), else an error naming the line and the
    /// range allowed.
    private func number(_ node: Node, _ field: String, in range: ClosedRange<Double>) throws -> Double {
        let value = try number(node, field)
        guard value.isFinite, range.contains(value) else {
            throw error(at: node, "expected '\(field)' to be a number from \(ConfigLimits.format(range.lowerBound)) to \(ConfigLimits.format(range.upperBound)), found '\(node.string ?? "")'")
        }
        return value
    }

    private func integer(_ node: Node, _ field: String) throws -> Int {
        guard case .scalar(let scalar) = node, let value = node.int ?? Int(scalar.string) else {
            throw error(at: node, "expected '\(field)' to be a whole number, found '\(node.string ?? "a collection")'")
        }
        return value
    }

    private func bool(_ node: Node, _ field: String) throws -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw error(at: node, "expected '\(field)' to be true or false, found '\(node.string ?? "a collection")'")
        }
        return value
    }

    /// `node` as JSON, for `body:`. At most ``ConfigLimits/bodyValues`` values and
    /// ``ConfigLimits/bodyDepth`` levels: YAML aliases share one node in many places, so a
    /// small file can stand for billions of values ("billion laughs"), and walking it must stop.
    private func jsonValue(_ node: Node, reportingAt key: Node) throws -> JSONValue {
        var budget = ConfigLimits.bodyValues
        do {
            return try jsonValue(node, budget: &budget, depth: 0)
        } catch is BodyTooLarge {
            throw error(at: key, "'body' is too large: more than \(ConfigLimits.bodyValues) values or \(ConfigLimits.bodyDepth) levels (are YAML aliases repeating it?)")
        }
    }

    /// Thrown when a `body:` exceeds its limits; reported at the `body:` line.
    private struct BodyTooLarge: Error {}

    private func jsonValue(_ node: Node, budget: inout Int, depth: Int) throws -> JSONValue {
        budget -= 1
        guard budget >= 0, depth < ConfigLimits.bodyDepth else { throw BodyTooLarge() }
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let bool = node.bool { return .bool(bool) }
            if let int = node.int { return .number(Double(int)) }
            if let double = node.float { return .number(double) }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try jsonValue(item, budget: &budget, depth: depth + 1)) }
            return .array(items)
        case .mapping(let mapping):
            var members: [JSONObject.Member] = []
            for (key, value) in mapping {
                guard let name = key.string else { throw error(at: key, "expected a key name") }
                members.append(JSONObject.Member(key: name, value: try jsonValue(value, budget: &budget, depth: depth + 1)))
            }
            return .object(JSONObject(members))
        case .alias:
            throw error(at: node, "aliases are not supported here")
        }
    }

    // MARK: Diagnostics

    func error(at node: Node, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, message: message)
    }

    mutating func warn(at node: Node, _ message: String) {
        warnings.append(ConfigWarning(file: file, line: node.mark?.line, message: message))
    }

    private func syntaxError(_ error: YamlError) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(file: file, line: context.mark.line, message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return ConfigError(file: file, line: nil, message: "cannot read YAML: \(error)")
        }
    }
}

import Foundation
