import ArenaKit
import Synchronization

/// A console that keeps what a session prints, for tests that drive a session in-process.
public final class RecordingConsole: Console {
    public let style: TerminalStyle
    private let lines = Mutex<(printed: [String], errors: [String])>(([], []))

    public init(style: TerminalStyle = TerminalStyle(colorEnabled: false)) {
        self.style = style
    }

    /// Everything printed, one entry per call.
    public var printed: [String] { lines.withLock { $0.printed } }
    /// Every problem reported, one entry per call.
    public var errors: [String] { lines.withLock { $0.errors } }

    public func print(_ text: String) {
        lines.withLock { $0.printed.append(text) }
    }

    public func error(_ text: String) {
        lines.withLock { $0.errors.append(text) }
    }
}
