/// Picks the two models a session starts with.
public enum ModelChoice {
    /// The pair named by `a` and `b` when given, otherwise the built-in `echo` and `scribe`.
    public static func initialPair(registry: ModelRegistry, a: String?, b: String?) throws(ModelLookupError) -> SidePair<ModelDescriptor> {
        func pick(_ name: String?, default fallback: String) throws(ModelLookupError) -> ModelDescriptor {
            let wanted = name ?? fallback
            guard let model = registry.descriptor(named: wanted) else {
                throw .unknownModel(name: wanted, known: registry.descriptors.map(\.name))
            }
            return model
        }
        return SidePair(a: try pick(a, default: "echo"), b: try pick(b, default: "scribe"))
    }
}
