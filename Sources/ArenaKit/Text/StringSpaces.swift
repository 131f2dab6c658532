extension String {
    /// `count` spaces (none when `count` ≤ 0), copied from one stored run rather than built
    /// space by space: padding cells is on the path of every row drawn in the columns.
    static func spaces(_ count: Int) -> String {
        guard count > 0 else { return "" }
        guard count <= spaceBytes.count else { return String(repeating: " ", count: count) }
        return String(decoding: spaceBytes[..<count], as: UTF8.self)
    }

    private static let spaceBytes = [UInt8](repeating: 0x20, count: 512)
}
