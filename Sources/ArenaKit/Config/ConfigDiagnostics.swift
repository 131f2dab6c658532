/// A configuration file arena cannot use: which file, which line, and what was expected.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// Something in the configuration that works but deserves attention (a literal key in a
/// file others can read, an unknown setting that is ignored, a model that cannot be used).
public struct ConfigWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case (let file?, let line?): return "\(file):\(line): \(message)"
        case (let file?, nil): return "\(file): \(message)"
        default: return message
        }
    }
}
