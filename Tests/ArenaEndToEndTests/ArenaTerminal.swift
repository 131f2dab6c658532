import ArenaTestSupport

extension PseudoTerminal {
    /// The built `arena` running in a terminal of `columns` × `rows` with `arguments`.
    convenience init(arguments: [String] = [], columns: Int = 160, rows: Int = 48, environment: [String: String]) throws {
        try self.init(running: ArenaBinary.path, arguments: arguments, columns: columns, rows: rows, environment: environment)
    }
}

extension StringProtocol {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
