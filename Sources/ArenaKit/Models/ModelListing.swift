/// The table `arena models` prints: name, provider, origin, endpoint host, and for a model
/// that cannot be used, why.
public enum ModelListing {
    public static func table(_ models: [ModelDescriptor]) -> String {
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
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell) + 2)
            }.joined()
        }.joined(separator: "\n")
    }
}
