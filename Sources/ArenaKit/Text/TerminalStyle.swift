/// The few text styles arena uses, and whether to emit them at all.
///
/// Colour follows, in this order: `NO_COLOR` set to anything non-empty turns it off
/// (https://no-color.org); `FORCE_COLOR` or `CLICOLOR_FORCE` set (to anything but empty, `0` or
/// `false`) turns it on even into a pipe; `TERM=dumb` turns it off; else it is on exactly when
/// output is a terminal. Bold and dim follow the same rule, so that a pipe never receives an
/// escape code unless asked to.
public struct TerminalStyle: Sendable {
    public var colorEnabled: Bool

    public init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// Decides from the environment and whether the output is a terminal.
    public static func detect(environment: [String: String], isTerminal: Bool) -> TerminalStyle {
        if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { return TerminalStyle(colorEnabled: false) }
        let forced = ["FORCE_COLOR", "CLICOLOR_FORCE"].contains { name in
            environment[name].map { !["", "0", "false"].contains($0.lowercased()) } ?? false
        }
        if forced { return TerminalStyle(colorEnabled: true) }
        return TerminalStyle(colorEnabled: isTerminal && !isDumbTerminal(environment: environment))
    }

    /// Whether `TERM` is `dumb` (Emacs shells, some CI logs): a terminal that cannot move the
    /// cursor, so it gets the plain line-by-line output a pipe gets.
    public static func isDumbTerminal(environment: [String: String]) -> Bool {
        environment["TERM"] == "dumb"
    }

    public enum Tone: Sendable {
        case bold, dim, italic, underline, strike, red, green, yellow, cyan, magenta, sideA, sideB
    }

    /// `text` wrapped in the SGR codes for `tones`, or unchanged when colour is off.
    public func apply(_ tones: Tone..., to text: String) -> String {
        apply(tones, to: text)
    }

    /// `text` wrapped in the SGR codes for `tones`, or unchanged when colour is off.
    public func apply(_ tones: [Tone], to text: String) -> String {
        guard colorEnabled, !tones.isEmpty, !text.isEmpty else { return text }
        let codes = tones.map { tone -> String in
            switch tone {
            case .bold: return "1"
            case .dim: return "2"
            case .italic: return "3"
            case .underline: return "4"
            case .strike: return "9"
            case .red: return "31"
            case .green: return "32"
            case .yellow: return "33"
            case .cyan, .sideA: return "36"
            case .magenta, .sideB: return "35"
            }
        }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }

    /// The tone of a side's label.
    public static func tone(for side: Side) -> Tone { side == .a ? .sideA : .sideB }
}
