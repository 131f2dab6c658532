/// Both sides of the ring: the two conversations that advance together, one per side.
public struct ArenaState: Sendable, Hashable {
    public private(set) var a: Conversation
    public private(set) var b: Conversation

    public init(a: Conversation, b: Conversation) {
        self.a = a
        self.b = b
    }

    public subscript(side: Side) -> Conversation {
        get { side == .a ? a : b }
        set {
            if side == .a { a = newValue } else { b = newValue }
        }
    }

    /// Number of turns asked so far (both sides always hold the same number).
    public var turnCount: Int { a.turns.count }

    /// The last question either side still holds; after a model change one side may have
    /// started afresh while the other keeps its history. Nil when neither holds a turn.
    public var lastPrompt: String? { a.turns.last?.prompt ?? b.turns.last?.prompt }

    /// Puts `model` on `side`. A different model starts that side afresh (its history is
    /// cleared); returns true when that happened.
    @discardableResult
    public mutating func setModel(_ model: ModelDescriptor, on side: Side) -> Bool {
        guard self[side].model.name != model.name else {
            self[side].model = model
            return false
        }
        var conversation = self[side]
        conversation.model = model
        let hadHistory = !conversation.turns.isEmpty
        conversation.clear()
        self[side] = conversation
        return hadHistory
    }

    /// Changes the settings of the selected sides.
    public mutating func updateSettings(_ selection: SideSelection, _ change: (inout GenerationSettings) -> Void) {
        for side in selection.sides {
            change(&self[side].settings)
        }
    }

    /// Records one turn on both sides at once.
    public mutating func appendTurn(prompt: String, answers: SidePair<Answer>) {
        a.append(Turn(prompt: prompt, answer: answers.a))
        b.append(Turn(prompt: prompt, answer: answers.b))
    }

    /// Exchanges the two sides: models, settings and histories.
    public mutating func swapSides() {
        swap(&a, &b)
    }

    /// Forgets both histories; models and settings stay.
    public mutating func clear() {
        a.clear()
        b.clear()
    }
}

/// A value for each side.
public struct SidePair<Value> {
    public var a: Value
    public var b: Value

    public init(a: Value, b: Value) {
        self.a = a
        self.b = b
    }

    /// The same value on both sides.
    public init(both value: Value) {
        self.a = value
        self.b = value
    }

    public subscript(side: Side) -> Value {
        _read {
            // In place too: reading one field of a large side (a column's row count) copies nothing.
            if side == .a { yield a } else { yield b }
        }
        _modify {
            // In place, so that changing one side's value never copies it (large buffers).
            if side == .a { yield &a } else { yield &b }
        }
        set {
            if side == .a { a = newValue } else { b = newValue }
        }
    }

    public func map<T>(_ transform: (Side, Value) throws -> T) rethrows -> SidePair<T> {
        SidePair<T>(a: try transform(.a, a), b: try transform(.b, b))
    }
}

extension SidePair: Sendable where Value: Sendable {}
extension SidePair: Equatable where Value: Equatable {}
extension SidePair: Hashable where Value: Hashable {}
