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
        TerminalDevice.write(Self.fitted(text, width: width) + "\n", to: output)
    }

    public func error(_ text: String) {
        let line = TextSanitizer.sanitizeLine(text)
        TerminalDevice.write(style.apply(.red, to: Self.fitted(line, width: TerminalDevice.size(of: errors)?.columns)) + "\n", to: errors)
    }

    /// `text` with each line wider than the terminal wrapped at words, hanging two cells under
    /// its start, so that no message breaks inside a word. Lines that fit are left exactly as
    /// they are (aligned listings keep their spacing), and so is text carrying escape
    /// sequences (styled listings fit themselves) or going to a file or pipe.
    static func fitted(_ text: String, width: Int?) -> String {
        guard let width, width > 8, !text.utf8.contains(0x1B) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard DisplayWidth.of(line) > width else { return String(line) }
            let indent = min(line.prefix { $0 == " " }.count + 2, width / 2)
            return WordWrap.wrap(String(line), width: width, indent: indent).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
