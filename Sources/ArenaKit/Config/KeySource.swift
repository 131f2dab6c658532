import Foundation
import Synchronization

/// Where a model's key comes from. The key itself never appears in descriptions.
enum KeySource: Sendable, Hashable, CustomStringConvertible {
    /// No key (local servers need none).
    case none
    /// An environment variable (`key: ${NAME}`).
    case environment(String)
    /// A shell command whose output is the key (`key_command: "pass show x"`), run on first use.
    case command(String)
    /// The key written in the file.
    case literal(APIKey)

    public var description: String {
        switch self {
        case .none: return "no key"
        case .environment(let name): return "${\(name)}"
        case .command: return "key command"
        case .literal: return "literal key"
        }
    }
}

/// Runs key commands with `/bin/sh -c` and remembers each one's output for the process's life,
/// so a password manager is asked once.
enum KeyCommand {
    private static let cache = Mutex<[String: APIKey]>([:])

    /// The key `command` prints on standard output (trimmed). Errors name the model and the
    /// exit status, never the output.
    static func run(_ command: String, model: String) throws -> APIKey {
        if let key = cache.withLock({ $0[command] }) { return key }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ProviderError.misconfigured(detail: "\(model): cannot run the key command")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProviderError.misconfigured(detail: "\(model): the key command failed with exit status \(process.terminationStatus)")
        }
        let key = APIKey(String(decoding: data, as: UTF8.self))
        guard !key.isEmpty else {
            throw ProviderError.misconfigured(detail: "\(model): the key command printed nothing")
        }
        cache.withLock { $0[command] = key }
        return key
    }
}

/// Replaces `${NAME}` references in configuration strings with environment values.
enum EnvironmentReference {
    /// `text` with each `${NAME}` replaced; the names that are not set are returned apart.
    static func expand(_ text: String, in environment: [String: String]) -> (value: String, missing: [String]) {
        var result = ""
        var missing: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                rest = ""
                break
            }
            let name = String(rest[start.upperBound..<end])
            if let value = environment[name] { result += value } else { missing.append(name) }
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return (result, missing)
    }

    /// The names `text` references with `${NAME}`, in order.
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            names.append(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names
    }

    /// The variable name when `text` is exactly one `${NAME}` reference.
    static func soleReference(in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("${"), trimmed.hasSuffix("}"), trimmed.count > 3 else { return nil }
        let name = trimmed.dropFirst(2).dropLast()
        guard !name.contains("}"), !name.contains("$") else { return nil }
        return String(name)
    }
}
