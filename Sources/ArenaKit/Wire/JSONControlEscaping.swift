/// Escapes what a JSON encoder leaves raw but a file shared with others must not carry:
/// DEL, the C1 controls (U+0080–U+009F), the line and paragraph separators and the
/// bidirectional embedding, override and isolate characters, each written as a `\uXXXX`
/// escape. The JSON means exactly the same afterwards.
///
/// Applied to encoded JSON text: outside strings JSON is ASCII without those characters, so
/// every occurrence is inside a string, where an escape is equivalent.
enum JSONControlEscaping {
    /// `json` with every character above escaped; returned unchanged when it has none.
    static func escape(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return json }
        var output = ""
        output.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let digits = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `scalar` is one of the characters `escape` writes as an escape.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
