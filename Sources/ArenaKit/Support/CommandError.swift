/// Why a command could not be carried out (or a line not parsed): one line saying what was
/// expected and where.
public struct CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
