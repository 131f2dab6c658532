/// Where the REPL writes everything that is not an answer: listings, confirmations, errors.
public protocol Console: Sendable {
    var style: TerminalStyle { get }
    /// Writes text followed by a newline.
    func print(_ text: String)
    /// Reports a problem in one line (on standard error).
    func error(_ text: String)
    /// The width listings are wrapped to, in cells: the terminal's, or `nil` (no wrapping)
    /// when the output is not a terminal.
    var width: Int? { get }
}

extension Console {
    public var width: Int? { nil }
}

/// The console on file descriptors: standard output for text, standard error for problems.
/// Colour follows ``TerminalStyle``; on a terminal, newlines are written as CR LF so output
/// stays aligned even while the terminal is in raw mode.
public struct StandardConsole: Console {
    public let style: TerminalStyle
    private let output: Int32
    private let errors: Int32

    public init(style: TerminalStyle, output: Int32 = 1, errors: Int32 = 2) {
        self.style = style
        self.output = output
        self.errors = errors
    }

    public var width: Int? { TerminalDevice.size(of: output)?.columns }

    public func print(_ text: String) {
        TerminalDevice.write(WordWrap.fitted(text, width: width) + "\n", to: output)
    }

    public func error(_ text: String) {
        let line = TextSanitizer.sanitizeLine(text)
        TerminalDevice.write(style.apply(.red, to: WordWrap.fitted(line, width: TerminalDevice.size(of: errors)?.columns)) + "\n", to: errors)
    }
}
