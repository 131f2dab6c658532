import Testing
@testable import ArenaKit

/// What a `.env` (anyone's file) may and may not do: define models and keys of its own, but
/// never steer arena nor send the user's own key to a host it chose.
@Suite struct DotEnvSafetyTests {
    @Test func settingsThatSteerArenaAreNotTakenAndEachRefusalNamesItsLine() throws {
        let (_, catalog, warnings, _) = try loadCatalog(
            yaml: nil,
            dotEnv: "ARENA_CONFIG=./evil.yaml\nXDG_CONFIG_HOME=/tmp/evil\nHTTPS_PROXY=http://evil:8080\nOLLAMA_HOST=evil:11434\nFINE=1\n"
        )
        for name in ["ARENA_CONFIG", "XDG_CONFIG_HOME", "HTTPS_PROXY", "OLLAMA_HOST"] {
            #expect(catalog.environment[name] == nil, "\(name)")
        }
        #expect(catalog.environment["FINE"] == "1")
        #expect(warnings.map(\.line) == [1, 2, 3, 4])
        #expect(warnings.allSatisfy { $0.file?.hasSuffix("/.env") == true && $0.message.contains("is not taken from .env") })
    }

    @Test func anEndpointFromADotEnvIsUsedOnlyWithAKeyFromTheSameDotEnv() throws {
        let (registry, catalog, warnings, _) = try loadCatalog(
            yaml: nil,
            environment: ["STOLEN_KEY": "user-secret", "OPENAI_API_KEY": "sk-user"],
            dotEnv: "STOLEN_ENDPOINT=https://evil.example/v1\nOWN_ENDPOINT=https://own.example/v1\nOWN_KEY=own\nOPENAI_BASE_URL=https://evil.example/v1\n"
        )
        #expect(registry.descriptor(named: "stolen") == nil)
        #expect(catalog.spec(named: "own")?.connection.key == APIKey("own"))
        #expect(catalog.spec(named: "gpt-4o")?.connection.endpoint == "https://api.openai.com/v1")
        #expect(warnings.map(\.line) == [1, 4])
        #expect(warnings.first?.message.hasPrefix("STOLEN_ENDPOINT is ignored: it would send STOLEN_KEY") == true)
        #expect(!warnings.map(\.description).joined().contains("user-secret"))
    }

    @Test func aKeyFromADotEnvMayGoToTheUsersOwnEndpoint() throws {
        let (_, catalog, warnings, _) = try loadCatalog(
            yaml: nil, environment: ["TEAM_ENDPOINT": "https://team.example/v1"], dotEnv: "TEAM_KEY=from-dotenv\n")
        #expect(catalog.spec(named: "team")?.connection.key == APIKey("from-dotenv"))
        #expect(warnings.isEmpty)
    }

    @Test func aModelsFileEndpointFromADotEnvNeedsEverySecretFromThatDotEnv() throws {
        let yaml = """
            models:
              own:
                provider: openai
                endpoint: ${OWN_URL}
                key: ${OWN_KEY}
              borrowed:
                provider: openai
                endpoint: ${OWN_URL}
                key: ${USER_KEY}
              commanded:
                provider: openai
                endpoint: ${OWN_URL}
                key_command: pass show x
              headed:
                provider: openai
                endpoint: ${OWN_URL}
                key: ${OWN_KEY}
                headers: {X-Token: "${USER_KEY}"}
            """
        let (registry, catalog, _, _) = try loadCatalog(
            yaml: yaml, environment: ["USER_KEY": "user-secret"], dotEnv: "OWN_URL=https://own.example/v1\nOWN_KEY=own\n")
        #expect(registry.descriptor(named: "own")?.problem == nil)
        #expect(catalog.spec(named: "own")?.connection.key == APIKey("own"))
        for name in ["borrowed", "commanded", "headed"] {
            let problem = try #require(registry.descriptor(named: name)?.problem, "\(name)")
            #expect(problem.contains("its endpoint comes from ") && problem.contains("/.env:1"), "\(problem)")
            #expect(catalog.spec(named: name)?.connection.key == nil)
        }
    }
    @Test func aKeyThatExpandsTheUsersEnvironmentCountsAsTheUsersOwn() throws {
        let (registry, catalog, warnings, _) = try loadCatalog(
            yaml: nil,
            environment: ["USER_SECRET": "user-secret", "USER_PATH": "v1"],
            dotEnv: """
                COPIED_ENDPOINT=https://evil.example/v1
                COPIED_KEY=${USER_SECRET}
                LAUNDERED=${USER_SECRET}
                RELAYED_ENDPOINT=https://evil.example/v1
                RELAYED_KEY="${LAUNDERED}"
                PATHED_ENDPOINT=https://evil.example/${USER_PATH}
                PATHED_KEY=${USER_SECRET}
                OPENAI_BASE_URL=https://evil.example/v1
                OPENAI_API_KEY=${USER_SECRET}
                MINE_ENDPOINT=https://mine.example/${USER_PATH}
                MINE_KEY=own-${UNSET:-key}
                """
        )
        for name in ["copied", "relayed", "pathed"] {
            #expect(registry.descriptor(named: name) == nil, "\(name)")
        }
        #expect(catalog.spec(named: "gpt-4o")?.connection.endpoint == "https://api.openai.com/v1")
        #expect(catalog.spec(named: "mine")?.connection.key == APIKey("own-key"))
        #expect(catalog.spec(named: "mine")?.connection.endpoint == "https://mine.example/v1")
        #expect(warnings.map(\.line) == [1, 4, 6, 8])
        #expect(warnings.allSatisfy { $0.message.contains("expands variables of your own environment") })
        #expect(!warnings.map(\.description).joined().contains("user-secret"))
    }

    @Test func aModelsFileKeyFromADotEnvThatExpandsTheUsersEnvironmentIsRefused() throws {
        let yaml = """
            models:
              copied:
                provider: openai
                endpoint: ${OWN_URL}
                key: ${OWN_KEY}
            """
        let (registry, catalog, _, _) = try loadCatalog(
            yaml: yaml, environment: ["USER_SECRET": "user-secret"], dotEnv: "OWN_URL=https://own.example/v1\nOWN_KEY=${USER_SECRET}\n")
        let problem = try #require(registry.descriptor(named: "copied")?.problem)
        #expect(problem.contains("its key ${OWN_KEY} does not"), "\(problem)")
        #expect(catalog.spec(named: "copied")?.connection.key == nil)
    }
}
