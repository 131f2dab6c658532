/// The table `arena models` prints: name, provider, origin, endpoint host, and for a model
/// that cannot be used, why.
public enum ModelListing {
    /// The models, with the model each Azure AI endpoint says it serves (`GET /info`) as
    /// their summary. Endpoints that do not answer within a few seconds are listed as they are.
    public static func withServedModels(_ models: [ModelDescriptor], registry: ModelRegistry) async -> [ModelDescriptor] {
        await withTaskGroup(of: (Int, String?).self) { group in
            for (index, model) in models.enumerated() where model.provider == .azureAI && model.problem == nil {
                group.addTask {
                    guard let client = try? registry.client(named: model.name) as? AzureAIClient else { return (index, nil) }
                    let info = try? await withThrowingTaskGroup(of: AzureAIModelInfo?.self) { race in
                        race.addTask { try await client.info() }
                        race.addTask {
                            try await Task.sleep(for: .seconds(5))
                            return nil
                        }
                        let first = try await race.next() ?? nil
                        race.cancelAll()
                        return first
                    }
                    return (index, info.map { "serves \($0.displayText)" })
                }
            }
            var result = models
            for await (index, summary) in group {
                if let summary { result[index].summary = summary }
            }
            return result
        }
    }

    /// The table, its last column (notes) wrapped at words to `width` cells when given.
    public static func table(_ models: [ModelDescriptor], width: Int? = nil) -> String {
        let rows = models.map { model -> [String] in
            [
                TextSanitizer.sanitizeLine(model.displayName),
                model.provider.rawValue,
                model.origin.rawValue,
                TextSanitizer.sanitizeLine(model.endpointHost ?? "-"),
                TextSanitizer.sanitizeLine(model.problem.map { "unusable: \($0)" } ?? model.summary ?? ""),
            ]
        }
        let header = ["model", "provider", "origin", "endpoint", "notes"]
        let widths = (0..<header.count).map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { row in
            let lead = row.dropLast().enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell) + 2)
            }.joined()
            return WordWrap.row(lead, row[row.count - 1], width: width)
        }.joined(separator: "\n")
    }
}
