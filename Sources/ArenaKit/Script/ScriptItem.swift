/// Where a line of a script is: `file:line`, 1-based.
public struct ScriptLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// One step of an `.arena` script, with the line it came from.
public struct ScriptItem: Sendable, Hashable {
    /// What a step does.
    public enum Action: Sendable, Hashable {
        /// Ask both sides this message (a plain line, or a `"""` block).
        case message(String)
        /// A slash command, exactly as typed (trimmed), for the REPL's command parser.
        case command(String)
        /// Check the answers of the last turn.
        case expect(ScriptExpectation)
    }

    var action: Action
    /// The line the step starts on (a `"""` block's opening line).
    var location: ScriptLocation

    public init(_ action: Action, at location: ScriptLocation) {
        self.action = action
        self.location = location
    }
}
