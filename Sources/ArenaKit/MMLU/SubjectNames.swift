import Synchronization

/// MMLU subject names for tab completion, loaded on first use and then kept.
public final class SubjectNames: Sendable {
    private let load: @Sendable () throws -> MMLUQuestionBank
    private let cached = Mutex<[String]?>(nil)

    public init(load: @escaping @Sendable () throws -> MMLUQuestionBank) {
        self.load = load
    }

    public var names: [String] {
        if let names = cached.withLock({ $0 }) { return names }
        let names = (try? load().subjects.map(\.name)) ?? []
        cached.withLock { $0 = names }
        return names
    }
}
