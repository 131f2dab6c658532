import ArenaTestServer
import ArenaTestSupport
import Foundation
import Testing
@testable import ArenaKit

@Suite struct ModelsFileTests {
    let goodFile = """
    models:
      gpt-4o:
        provider: azure-openai
        endpoint: https://my-resource.openai.azure.com
        deployment: gpt-4o-prod
        api_version: 2024-10-21
        key: ${AZURE_OPENAI_KEY}
        parameters:
          temperature: 0.7
          max_tokens: 1024
          stop: ["###"]
          system_prompt: Be concise.
        prices: {input: 2.5, output: 10}
        weight: 2
      llama:
        provider: azure-ai
        endpoint: https://llama-405b.eastus2.models.ai.azure.com
        key: ${LLAMA_KEY}
        headers:
          azureml-model-deployment: llama-1
        body:
          safe_prompt: true
          top_k: 40
        timeouts: {connect: 5, first_token: 90, idle: 20}
        retry: {max_retries: 2, max_total_wait: 30}
      local:
        provider: openai
        base_url: http://localhost:11434/v1
        model: llama3.2
      claude:
        provider: anthropic
        model: claude-sonnet-4-5
        key_command: "printf anthropic-secret"
    """

    @Test func goodFileRegistersEveryModel() throws {
        let (registry, catalog, warnings, _) = try loadCatalog(yaml: goodFile, environment: ["AZURE_OPENAI_KEY": "k1", "LLAMA_KEY": "k2"])
        #expect(warnings.isEmpty)
        #expect(Set(registry.descriptors.map(\.name)) == ["gpt-4o", "llama", "local", "claude"])

        let gpt = try #require(registry.descriptor(named: "gpt-4o"))
        #expect(gpt.provider == .azureOpenAI)
        #expect(gpt.origin == .file)
        #expect(gpt.endpointHost == "my-resource.openai.azure.com")
        #expect(gpt.remoteModel == "gpt-4o-prod")
        #expect(gpt.apiVersion == "2024-10-21")
        #expect(gpt.problem == nil)
        #expect(catalog.prices(for: "gpt-4o") == ModelPrices(inputPerMillion: 2.5, outputPerMillion: 10))
        #expect(catalog.weight(for: "gpt-4o") == 2)
        #expect(catalog.weight(for: "llama") == 1)
        #expect(catalog.defaultSettings(for: "gpt-4o") == GenerationSettings(temperature: 0.7, maxTokens: 1024, stop: ["###"], systemPrompt: "Be concise."))

        let llama = try #require(catalog.spec(named: "llama")).connection
        #expect(llama.provider == .azureAI)
        #expect(llama.extraHeaders == ["azureml-model-deployment": "llama-1"])
        #expect(llama.extraBody["safe_prompt"] == true)
        #expect(llama.extraBody["top_k"] == 40)
        #expect(llama.timeouts == ProviderTimeouts(connect: 5, firstToken: 90, idle: 20))
        #expect(llama.retry.maxRetries == 2)
        #expect(llama.retry.maxTotalWait == 30)
        #expect(llama.key == APIKey("k2"))

        #expect(registry.descriptor(named: "local")?.problem == nil)
        #expect(catalog.spec(named: "claude")?.keySource == .command("printf anthropic-secret"))
        #expect(catalog.spec(named: "claude")?.connection.endpoint == "https://api.anthropic.com")
        _ = try registry.client(named: "gpt-4o")
    }

    @Test func missingKeyVariableIsAProblemNotAnOmission() throws {
        let (registry, _, warnings, _) = try loadCatalog(yaml: goodFile, environment: ["LLAMA_KEY": "k2"])
        let problem = try #require(registry.descriptor(named: "gpt-4o")?.problem)
        #expect(problem.contains("AZURE_OPENAI_KEY"))
        #expect(warnings.contains { $0.message.contains("gpt-4o") && $0.line == 2 })
        #expect(throws: ProviderError.self) { try registry.client(named: "gpt-4o") }
    }

    @Test func badURLIsAProblem() throws {
        let yaml = "models:\n  x:\n    provider: azure-ai\n    endpoint: not a url\n    key: literal-key-1234\n"
        let (registry, _, _, _) = try loadCatalog(yaml: yaml)
        #expect(registry.descriptor(named: "x")?.problem?.contains("not an http(s) URL") == true)
    }

    @Test(arguments: [
        ("models:\n  x:\n    provider: azure-oops\n    endpoint: https://a.b\n", 3, "'provider' must be one of"),
        ("models:\n  x:\n    provider: openai\n    parameters:\n      temperature: hot\n", 5, "expected 'temperature' to be a number, found 'hot'"),
        ("models:\n  x: [1, 2]\n", 2, "expected the settings of model 'x' as a mapping"),
        ("models:\n  - a\n", 2, "expected 'models' to map model names"),
        ("models:\n  x:\n    provider: openai\n    key: ${A}\n    key_command: echo\n", 5, "both 'key' and 'key_command'"),
        ("models:\n  x:\n    endpoint: [\n", 4, "YAML syntax error"),
        ("models:\n  x:\n    model: m\n", 2, "needs a 'provider'"),
        ("models:\n  x:\n    provider: openai\n    timeouts: {idle: -1}\n", 4, "must be more than zero"),
        ("models:\n  x:\n    provider: openai\n    prices: {input: 1}\n", 4, "'input' and 'output'"),
        // Issue 11: numbers that once crashed arena are refused at load, naming the range.
        ("models:\n  x:\n    provider: openai\n    timeouts: {first_token: .inf}\n", 4, "expected 'timeouts.first_token' to be a number from 0 to 86400, found '.inf'"),
        ("models:\n  x:\n    provider: openai\n    timeouts: {connect: 1e300}\n", 4, "expected 'timeouts.connect' to be a number from 0 to 86400"),
        ("models:\n  x:\n    provider: openai\n    retry: {max_total_wait: .inf}\n", 4, "expected 'retry.max_total_wait' to be a number from 0 to 86400"),
        ("models:\n  x:\n    provider: openai\n    retry: {max_retries: -3}\n", 4, "expected 'retry.max_retries' to be a number from 0 to 100"),
        ("models:\n  x:\n    provider: openai\n    weight: .inf\n", 4, "expected 'weight' to be a number from 0 to 1000000"),
        ("models:\n  x:\n    provider: openai\n    weight: 1e308\n", 4, "expected 'weight' to be a number from 0 to 1000000"),
        ("models:\n  x:\n    provider: openai\n    weight: .nan\n", 4, "expected 'weight' to be a number"),
        ("models:\n  x:\n    provider: openai\n    prices: {input: .inf, output: 1}\n", 4, "expected 'prices.input' to be a number from 0"),
        ("models:\n  x:\n    provider: openai\n    parameters: {temperature: 9}\n", 4, "expected 'temperature' to be a number from 0 to 2"),
        ("models:\n  x:\n    provider: openai\n    parameters: {max_tokens: 0}\n", 4, "expected 'max_tokens' to be a number from 1"),
    ])
    func errorsNameFileLineAndExpectation(yaml: String, line: Int, message: String) throws {
        do {
            _ = try loadCatalog(yaml: yaml)
            Issue.record("expected an error for \(yaml.debugDescription)")
        } catch let error as ConfigError {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix(error.file + ":\(line): "))
            #expect(error.file.hasSuffix("models.yaml"))
        }
    }

    @Test func unknownSettingIsAWarningWithLine() throws {
        let yaml = "models:\n  x:\n    provider: openai\n    base_url: http://localhost:8000/v1\n    tempreature: 1\n"
        let (registry, _, warnings, _) = try loadCatalog(yaml: yaml)
        #expect(registry.descriptor(named: "x") != nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 5)
        #expect(warnings.first?.description.contains("models.yaml:5: unknown setting 'tempreature'") == true)
    }

    /// Issue 16: an unknown parameter is a warning naming its line (the model still works),
    /// not an error that stopped arena even for the built-in models.
    @Test func unknownParameterIsAWarningWithLine() throws {
        let yaml = "models:\n  x:\n    provider: openai\n    base_url: http://localhost:8000/v1\n    parameters: {top_k: 3}\n"
        let (registry, _, warnings, _) = try loadCatalog(yaml: yaml)
        #expect(registry.descriptor(named: "x")?.problem == nil)
        #expect(warnings.map(\.description).contains { $0.contains("models.yaml:5: unknown parameter 'top_k' (ignored)") }, "\(warnings)")
    }

    /// Issue 11: a YAML alias bomb under `body:` stops at a bound instead of expanding forever.
    @Test func aliasBombUnderBodyIsRefused() throws {
        var yaml = "models:\n  x:\n    provider: openai\n    base_url: http://localhost:8000/v1\n    body:\n"
        yaml += "      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "      a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        do {
            _ = try loadCatalog(yaml: yaml)
            Issue.record("expected the alias bomb to be refused")
        } catch let error as ConfigError {
            #expect(error.line == 5, "\(error)")
            #expect(error.message.contains("'body' is too large"), "\(error)")
        }
    }

    @Test func literalKeyInReadableFileIsWarnedAbout() throws {
        let yaml = "models:\n  x:\n    provider: openai\n    key: sk-literal-secret-999\n"
        let (_, _, readable, _) = try loadCatalog(yaml: yaml, permissions: 0o644)
        #expect(readable.count == 1)
        #expect(readable.first?.line == 4)
        #expect(readable.first?.message.contains("readable by group or others") == true)
        #expect(!readable.description.contains("sk-literal-secret-999"))
        let (_, _, privateFile, _) = try loadCatalog(yaml: yaml, permissions: 0o600)
        #expect(privateFile.isEmpty)
    }

    @Test func variablesExpandInEndpoints() throws {
        let yaml = "models:\n  x:\n    provider: azure-ai\n    endpoint: ${MY_ENDPOINT}\n    key: ${MY_KEY}\n  y:\n    provider: azure-ai\n    endpoint: https://${UNSET_HOST}/v\n    key: ${MY_KEY}\n"
        let (registry, _, _, _) = try loadCatalog(yaml: yaml, environment: ["MY_ENDPOINT": "https://x.eastus.models.ai.azure.com", "MY_KEY": "k"])
        #expect(registry.descriptor(named: "x")?.endpointHost == "x.eastus.models.ai.azure.com")
        #expect(registry.descriptor(named: "y")?.problem?.contains("UNSET_HOST") == true)
    }

    @Test func explicitConfigPathMustExist() throws {
        let registry = ModelRegistry()
        #expect(throws: ConfigError.self) {
            try ModelCatalog().load(environment: [:], workingDirectory: "/", configPath: "/nonexistent/models.yaml", into: registry)
        }
        #expect(throws: ConfigError.self) {
            try ModelCatalog().load(environment: ["ARENA_CONFIG": "/nonexistent/a.yaml"], workingDirectory: "/", configPath: nil, into: registry)
        }
    }

    @Test func xdgConfigHomeIsHonoured() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("xdg/arena/models.yaml", "models:\n  from-xdg:\n    provider: openai\n    base_url: http://127.0.0.1:1/v1\n")
        let registry = ModelRegistry()
        let environment = ["XDG_CONFIG_HOME": directory.path + "/xdg", "HOME": "/nonexistent"]
        try ModelCatalog().load(environment: environment, workingDirectory: directory.path, configPath: nil, into: registry)
        #expect(registry.descriptor(named: "from-xdg") != nil)
    }

    @Test func keyCommandSuppliesTheKey() async throws {
        try await withServer(.openAI, apiKey: "from-the-command") { server, port in
            let yaml = "models:\n  cmd:\n    provider: openai\n    base_url: http://127.0.0.1:\(port)/v1\n    model: test-model\n    key_command: \"printf from-the-command\"\n"
            let (registry, _, _, _) = try loadCatalog(yaml: yaml)
            let (sink, error) = await run(try registry.client(named: "cmd"))
            #expect(error == nil)
            #expect(sink.text == TestAnswer.standard.joinedText)
        }
    }

    @Test func failingKeyCommandNamesTheExitStatusOnly() throws {
        let yaml = "models:\n  cmd:\n    provider: openai\n    key_command: \"echo leaked-output; exit 3\"\n"
        let (registry, _, _, _) = try loadCatalog(yaml: yaml)
        do {
            _ = try registry.client(named: "cmd")
            Issue.record("expected the key command to fail")
        } catch {
            #expect("\(error)".contains("exit status 3"))
            #expect(!"\(error)".contains("leaked-output"))
        }
    }

    @Test func fileModelsReplaceEnvironmentModelsOfTheSameName() throws {
        let yaml = "models:\n  gpt-4o:\n    provider: openai\n    base_url: http://localhost:8000/v1\n"
        let (registry, _, _, _) = try loadCatalog(yaml: yaml, environment: ["OPENAI_API_KEY": "sk-x"])
        #expect(registry.descriptor(named: "gpt-4o")?.origin == .file)
        #expect(registry.descriptor(named: "gpt-4o-mini")?.origin == .environment)
    }
}
