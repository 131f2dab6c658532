/// A secret credential. It never prints itself: `description` and `debugDescription` are
/// redacted, so a key cannot leak through string interpolation, logs or error messages.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself, for building request headers only.
    let secret: String

    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var description: String { "<redacted key>" }
    public var debugDescription: String { "<redacted key>" }

    /// True when there is no key text at all.
    public var isEmpty: Bool { secret.isEmpty }

    /// Why the key cannot be sent in an HTTP header (it holds a line break, DEL or another
    /// control character), or nil. The reason never contains the key.
    public var problem: String? {
        let control = secret.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        return control ? "its key contains a control character (a line break, tab or DEL), which cannot go in an HTTP header" : nil
    }
}

/// Removes known secrets from text that came from elsewhere (server error messages, URLs),
/// replacing each with "***". Short strings are left alone so ordinary words are never masked.
struct SecretRedactor: Sendable {
    private let secrets: [String]

    init(_ keys: [APIKey?]) {
        secrets = keys.compactMap { $0?.secret }.filter { $0.count >= 4 }
    }

    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }
}

import Foundation
