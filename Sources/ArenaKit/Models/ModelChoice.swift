/// Picks the two models a session starts with.
enum ModelChoice {
    /// The pair named by `a` and `b` when given; otherwise the first two usable configured
    /// models (from the models file, then the environment), filled up with the built-in
    /// `echo` and `scribe`.
    public static func initialPair(registry: ModelRegistry, a: String?, b: String?) throws(ModelLookupError) -> SidePair<ModelDescriptor> {
        func pick(_ name: String?, default fallback: String) throws(ModelLookupError) -> ModelDescriptor {
            let wanted = name ?? fallback
            guard let model = registry.descriptor(named: wanted) else {
                throw .unknownModel(name: wanted, known: registry.descriptors.map(\.name))
            }
            return model
        }
        let configured = registry.descriptors.filter { $0.provider != .builtIn && $0.problem == nil && $0.origin != .discovered }.map(\.name)
        let defaults = Array((configured + ["echo", "scribe"]).prefix(2))
        return SidePair(a: try pick(a, default: defaults[0]), b: try pick(b, default: defaults[1]))
    }
}
