import Synchronization

/// Every model arena can put in the ring, by name, with a way to make a client for each.
///
/// Built-in models are always present; configuration, the environment and background
/// discovery of local servers add more, possibly while the REPL is already running, so the
/// registry is safe to use from any thread.
public final class ModelRegistry: Sendable {
    /// A way to make the client for one model, called when the model is first used.
    public typealias ClientMaker = @Sendable () throws -> any ModelClient

    private struct Entry {
        var descriptor: ModelDescriptor
        var makeClient: ClientMaker
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    /// A registry holding just the built-in models, paced by `pace`.
    public static func builtIn(pace: BuiltInPace) -> ModelRegistry {
        let registry = ModelRegistry()
        for behaviour in BuiltInModel.Behaviour.allCases {
            let model = BuiltInModel(behaviour, pace: pace)
            registry.register(model.descriptor) { model }
        }
        return registry
    }

    /// A new registry holding the same models, to which more can be added without touching this one.
    func copy() -> ModelRegistry {
        let copy = ModelRegistry()
        copy.entries.withLock { $0 = entries.withLock { $0 } }
        return copy
    }

    /// Adds a model, or replaces the one with the same name.
    func register(_ descriptor: ModelDescriptor, makeClient: @escaping ClientMaker) {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: { $0.descriptor.name == descriptor.name }) {
                entries[index] = Entry(descriptor: descriptor, makeClient: makeClient)
            } else {
                entries.append(Entry(descriptor: descriptor, makeClient: makeClient))
            }
        }
    }

    /// Every model, in the order registered.
    public var descriptors: [ModelDescriptor] {
        entries.withLock { $0.map(\.descriptor) }
    }

    /// The model called `name`, if there is one. Names match exactly, or ignoring case.
    public func descriptor(named name: String) -> ModelDescriptor? {
        entries.withLock { entries in
            (entries.first { $0.descriptor.name == name }
                ?? entries.first { $0.descriptor.name.lowercased() == name.lowercased() })?.descriptor
        }
    }

    /// A client for the model called `name`.
    public func client(named name: String) throws -> any ModelClient {
        guard let descriptor = descriptor(named: name) else {
            throw ModelLookupError.unknownModel(name: name, known: descriptors.map(\.name))
        }
        if let problem = descriptor.problem {
            throw ProviderError.misconfigured(detail: problem)
        }
        let maker = entries.withLock { entries in entries.first { $0.descriptor.name == descriptor.name }!.makeClient }
        return try maker()
    }
}

/// A model name that matches nothing arena knows.
public enum ModelLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownModel(name: String, known: [String])

    public var description: String {
        switch self {
        case .unknownModel(let name, let known):
            return "no model named '\(name)'; known models: \(known.joined(separator: ", ")) (see /models)"
        }
    }
}
