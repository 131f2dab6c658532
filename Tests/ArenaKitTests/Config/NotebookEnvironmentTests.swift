import Testing
@testable import ArenaKit

/// A notebook's environment holds endpoints of every kind; only chat endpoints become models,
/// and the rest are listed with the reason (`arena models --all`).
@Suite struct NotebookEnvironmentTests {
    /// Variables as a real Azure project's `.env` has them (hosts anonymised).
    static let azureProject: [String: String] = [
        // Chat endpoints in the forms the README documents.
        "MISTRAL_LARGE_ENDPOINT": "https://Mistral-large-2407-abc.eastus2.models.ai.azure.com",
        "MISTRAL_LARGE_KEY": "k1",
        "PHI_4_ENDPOINT": "https://proj-res.services.ai.azure.com/models",
        "PHI_4_KEY": "k2",
        "PHI_4_MODEL": "Phi-4",
        "GITHUB_ENDPOINT": "https://models.inference.ai.azure.com",
        "GITHUB_KEY": "k3",
        "GITHUB_MODEL": "gpt-4o-mini",
        "GPT_4O_ENDPOINT": "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
        "GPT_4O_KEY": "k4",
        "DEEPSEEK_ENDPOINT": "https://api.deepseek.com/v1",
        "DEEPSEEK_KEY": "k5",
        "GATEWAY_ENDPOINT": "https://llm-gateway.example.com/v1",
        "GATEWAY_KEY": "k6",
        // A URL of no known form, made a model because the user named the model.
        "CUSTOM_ENDPOINT": "https://inference.example.com/score",
        "CUSTOM_KEY": "k7",
        "CUSTOM_MODEL": "my-model",
        // The Azure OpenAI SDK's own variables: a resource root, key, deployment and version.
        "AZURE_OPENAI_ENDPOINT": "https://my-aoai.openai.azure.com/",
        "AZURE_OPENAI_API_KEY": "k8",
        "AZURE_OPENAI_CHAT_DEPLOYMENT_NAME": "gpt-4o-prod",
        "OPENAI_API_VERSION": "2024-10-21",
        "AZURE_OPENAI_API_VERSION": "2024-06-01",
        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME": "text-embedding-3-large",
        // Endpoints of other services, keys and all.
        "COSMOS_ENDPOINT": "https://my-cosmos.documents.azure.com:443/",
        "COSMOS_KEY": "c1",
        "AZURE_SEARCH_ENDPOINT": "https://my-search.search.windows.net",
        "AZURE_SEARCH_KEY": "s1",
        "AZURE_STORAGE_ENDPOINT": "https://mystorage.blob.core.windows.net/",
        "AZURE_STORAGE_KEY": "st1",
        "AZURE_AI_PROJECT_ENDPOINT": "https://proj-res.services.ai.azure.com/api/projects/proj",
        "AZURE_LANGUAGE_ENDPOINT": "https://my-lang.cognitiveservices.azure.com/",
        "AZURE_LANGUAGE_KEY": "l1",
        "AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT": "https://my-di.cognitiveservices.azure.com/",
        "AZURE_DOCUMENT_INTELLIGENCE_KEY": "d1",
        "APPLICATIONINSIGHTS_ENDPOINT": "https://eastus-8.in.applicationinsights.azure.com/",
    ]

    @Test func onlyChatEndpointsBecomeModels() throws {
        let (registry, catalog, warnings, _) = try loadCatalog(yaml: nil, environment: Self.azureProject)
        let names = registry.descriptors.map(\.name).filter { !["echo", "scribe"].contains($0) }
        #expect(Set(names) == ["mistral-large", "phi-4", "github", "gpt-4o", "deepseek", "gateway", "custom", "azure-openai"])
        #expect(registry.descriptor(named: "mistral-large")?.provider == .azureAI)
        #expect(registry.descriptor(named: "phi-4")?.provider == .azureAI)
        #expect(registry.descriptor(named: "gpt-4o")?.provider == .azureOpenAI)
        #expect(registry.descriptor(named: "deepseek")?.provider == .openAI)
        #expect(registry.descriptor(named: "gateway")?.provider == .openAI)
        #expect(catalog.spec(named: "custom")?.connection.model == "my-model")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(catalog.leftOut.map(\.variable) == [
            "APPLICATIONINSIGHTS_ENDPOINT", "AZURE_AI_PROJECT_ENDPOINT", "AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT",
            "AZURE_LANGUAGE_ENDPOINT", "AZURE_SEARCH_ENDPOINT", "AZURE_STORAGE_ENDPOINT", "COSMOS_ENDPOINT",
        ])
        let reasons = Dictionary(uniqueKeysWithValues: catalog.leftOut.map { ($0.variable, $0.reason) })
        #expect(reasons["COSMOS_ENDPOINT"] == "not a chat endpoint URL (my-cosmos.documents.azure.com)")
        #expect(reasons["AZURE_AI_PROJECT_ENDPOINT"]?.contains("not the model inference endpoint") == true)
        #expect(reasons["AZURE_LANGUAGE_ENDPOINT"]?.contains("without a deployment") == true)
    }

    @Test func theAzureOpenAIVariablesAreReadAsTheSDKsReadThem() throws {
        let (registry, catalog, _, _) = try loadCatalog(yaml: nil, environment: Self.azureProject)
        let model = try #require(registry.descriptor(named: "azure-openai"))
        #expect(model.problem == nil)
        #expect(model.provider == .azureOpenAI)
        #expect(model.remoteModel == "gpt-4o-prod")
        // OPENAI_API_VERSION is the SDKs' variable; it wins over AZURE_OPENAI_API_VERSION.
        #expect(model.apiVersion == "2024-10-21")
        #expect(catalog.spec(named: "azure-openai")?.connection.key == APIKey("k8"))
    }

    @Test(arguments: [
        ("AZURE_OPENAI_DEPLOYMENT", "2024-06-01", nil as String?),
        ("AZURE_OPENAI_DEPLOYMENT_NAME", "2024-06-01", nil),
        ("AZURE_OPENAI_CHAT_DEPLOYMENT_NAME", "2025-01-01-preview", "2025-01-01-preview"),
    ])
    func eachDeploymentVariableNamesTheDeployment(variable: String, expectedVersion: String, sdkVersion: String?) throws {
        var environment = [
            "AZURE_OPENAI_ENDPOINT": "https://my-aoai.cognitiveservices.azure.com",
            "AZURE_OPENAI_API_KEY": "k",
            "AZURE_OPENAI_API_VERSION": "2024-06-01",
            variable: "chat",
        ]
        environment["OPENAI_API_VERSION"] = sdkVersion
        let (registry, _, _, _) = try loadCatalog(yaml: nil, environment: environment)
        let model = try #require(registry.descriptor(named: "azure-openai"))
        #expect(model.provider == .azureOpenAI)
        #expect(model.remoteModel == "chat")
        #expect(model.apiVersion == expectedVersion)
    }

    @Test func aResourceRootWithoutADeploymentIsLeftOutWithTheReason() throws {
        let (registry, catalog, _, _) = try loadCatalog(yaml: nil, environment: [
            "AZURE_OPENAI_ENDPOINT": "https://my-aoai.openai.azure.com/", "AZURE_OPENAI_API_KEY": "k",
        ])
        #expect(registry.descriptor(named: "azure-openai") == nil)
        #expect(catalog.leftOut.map(\.description) == [
            "AZURE_OPENAI_ENDPOINT: an Azure OpenAI resource without a deployment: set the deployment's name",
        ])
    }
}
