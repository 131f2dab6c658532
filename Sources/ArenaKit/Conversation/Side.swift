/// One of the two corners of the ring: every turn is asked of side A and side B.
public enum Side: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case a
    case b

    /// The label shown to people: "A" or "B".
    public var label: String { rawValue.uppercased() }

    /// The other side.
    public var other: Side { self == .a ? .b : .a }

    public var description: String { label }
}

/// Which sides a command applies to: one named side, or both when none is named.
public enum SideSelection: Sendable, Hashable {
    case both
    case only(Side)

    /// The sides this selection covers, in order A then B.
    public var sides: [Side] {
        switch self {
        case .both: return [.a, .b]
        case .only(let side): return [side]
        }
    }
}
