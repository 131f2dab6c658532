/// The few text styles arena uses, and whether to emit them at all.
///
/// Colour is off when `NO_COLOR` is set to anything non-empty (https://no-color.org) or when
/// output is not a terminal; bold and dim follow the same rule so that a pipe never receives an
/// escape code.
public struct TerminalStyle: Sendable {
    public var colorEnabled: Bool

    public init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// Decides from the environment and whether stdout is a terminal.
    public static func detect(environment: [String: String], isTerminal: Bool) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(colorEnabled: isTerminal && !noColor)
    }

    public enum Tone: Sendable {
        case bold, dim, red, green, yellow, cyan, magenta, sideA, sideB
    }

    /// `text` wrapped in the SGR codes for `tones`, or unchanged when colour is off.
    public func apply(_ tones: Tone..., to text: String) -> String {
        guard colorEnabled, !tones.isEmpty, !text.isEmpty else { return text }
        let codes = tones.map { tone -> String in
            switch tone {
            case .bold: return "1"
            case .dim: return "2"
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
