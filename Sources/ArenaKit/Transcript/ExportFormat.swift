/// The formats `/export` writes.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    case markdown = "md"
    case html
}
