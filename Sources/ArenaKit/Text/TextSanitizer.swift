/// Makes untrusted model text safe to put on a terminal.
///
/// Every C0 control except newline and tab, DEL, every C1 control and the bidirectional
/// override characters are replaced by visible, inert stand-ins (ESC becomes `␛`, so an
/// escape sequence shows as text such as `␛[2J` and does nothing). A model therefore cannot
/// move the cursor, change the title, write the clipboard (OSC 52) or make hyperlinks.
/// CR LF becomes LF, also when the pair is split across two chunks; a lone CR shows as `␍`.
///
/// The sanitizer keeps one character of state between chunks, so each streaming answer uses
/// its own instance.
public struct TextSanitizer: Sendable {
    private var pendingCarriageReturn = false

    public init() {}

    /// Sanitizes one chunk of a stream.
    public mutating func sanitize(_ chunk: String) -> String {
        if !needsWork(chunk) {
            guard pendingCarriageReturn, !chunk.isEmpty else { return chunk }
            pendingCarriageReturn = false
            // A CR that ended the last chunk and the LF starting this one are one line break.
            return chunk.utf8.first == ASCII.lineFeed ? chunk : "\u{240D}" + chunk
        }
        var output = ""
        output.reserveCapacity(chunk.utf8.count)
        for scalar in chunk.unicodeScalars {
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if scalar == "\n" {
                    output.unicodeScalars.append("\n")
                    continue
                }
                output.unicodeScalars.append("\u{240D}")
            }
            if scalar == "\r" {
                pendingCarriageReturn = true
                continue
            }
            TextSanitizer.appendInert(scalar, to: &output)
        }
        return output
    }

    /// Ends the stream: a CR left waiting for its LF is shown.
    public mutating func finish() -> String {
        defer { pendingCarriageReturn = false }
        return pendingCarriageReturn ? "\u{240D}" : ""
    }

    /// Sanitizes a complete text in one go.
    public static func sanitize(_ text: String) -> String {
        var sanitizer = TextSanitizer()
        return sanitizer.sanitize(text) + sanitizer.finish()
    }

    /// Sanitizes a single-line value (a model name, an error message) for a header or status
    /// line: newlines and tabs become spaces as well.
    public static func sanitizeLine(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                output.unicodeScalars.append(" ")
            } else {
                appendInert(scalar, to: &output)
            }
        }
        return output
    }

    private static func appendInert(_ scalar: Unicode.Scalar, to output: inout String) {
        let value = scalar.value
        switch value {
        case 0x0A, 0x09:
            output.unicodeScalars.append(scalar)
        case 0x00..<0x20:
            output.unicodeScalars.append(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            output.unicodeScalars.append("\u{2421}")
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
            output.append("<U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4))>")
        default:
            output.unicodeScalars.append(scalar)
        }
    }

    private func needsWork(_ chunk: String) -> Bool {
        for byte in chunk.utf8 {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 { return true }
            if byte == 0x7F || byte == 0xC2 || byte == 0xE2 { return true }
        }
        return false
    }
}

extension String {
    func leftPadded(to length: Int, with pad: Character = "0") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
