/// The variables arena's model configuration reads, and where each came from: the process
/// environment (the user's own) or the `.env` file in the working directory, which may be
/// anyone's (a cloned repository's).
///
/// A `.env` may define models and keys of its own, and nothing more:
/// - it never steers arena: `ARENA_*`, `XDG_*`, `HOME`, proxies and the like are not taken
///   from it (so it cannot name another models file, whose `key_command` would run);
/// - it never overrides a variable of the process environment;
/// - it never sends a secret it did not define to a host it chose: an endpoint or base URL it
///   sets is used only with a key from the same file (``EnvironmentModels``,
///   ``ModelsFileParser``). A value that expands one of the process environment's variables
///   (`KEY=${OPENAI_API_KEY}`) is not the file's own: as a secret it counts as the user's, while
///   an endpoint the file wrote any part of still counts as the file's choice.
///
/// Each refusal is a ``ConfigWarning`` naming the file and line.
public struct ConfigEnvironment: Sendable {
    /// The process environment.
    public let process: [String: String]
    /// The `.env` file read, if any.
    public let dotEnvPath: String?
    /// The `.env` variables taken (not overriding the process environment, not steering arena).
    private let fromDotEnv: [String: DotEnv.Entry]
    /// What the `.env` tried and was refused.
    public private(set) var warnings: [ConfigWarning] = []
    /// Every variable: the process environment with the `.env`'s additions (made once; the
    /// models file's `${VAR}` expansions read it for every field).
    public let merged: [String: String]

    /// The process environment alone (tests; no `.env`).
    public init(process: [String: String]) {
        self.process = process
        dotEnvPath = nil
        fromDotEnv = [:]
        merged = process
    }

    /// The process environment plus what the `.env` file in `workingDirectory` may add.
    public init(process: [String: String], dotEnvIn workingDirectory: String) {
        self.process = process
        guard let (path, entries) = DotEnv.load(fromDirectory: workingDirectory, process: process) else {
            dotEnvPath = nil
            fromDotEnv = [:]
            merged = process
            return
        }
        dotEnvPath = path
        var taken: [String: DotEnv.Entry] = [:]
        var warnings: [ConfigWarning] = []
        for entry in entries where process[entry.name] == nil {
            if Self.steersArena(entry.name) {
                warnings.append(ConfigWarning(file: path, line: entry.line, message:
                    "\(entry.name) is not taken from .env: settings that steer arena come only from your own environment or the command line"))
            } else {
                taken[entry.name] = entry
            }
        }
        fromDotEnv = taken
        merged = process.merging(taken.mapValues(\.value)) { own, _ in own }
        self.warnings = warnings
    }

    /// The value of `name`: the process environment's, else the `.env`'s.
    public subscript(name: String) -> String? {
        process[name] ?? fromDotEnv[name]?.value
    }

    /// Where `name` came from when the `.env` set it ("/path/.env:3"); nil for the process
    /// environment or an unset variable.
    public func dotEnvLocation(of name: String) -> String? {
        guard process[name] == nil, let entry = fromDotEnv[name], let dotEnvPath else { return nil }
        return "\(dotEnvPath):\(entry.line)"
    }

    /// The line of `name` in the `.env`, when it came from there (even in part, through
    /// `${VAR}`). An endpoint with a line here was chosen by the `.env`.
    func dotEnvLine(of name: String) -> Int? {
        process[name] == nil ? fromDotEnv[name]?.line : nil
    }

    /// Whether the `.env` alone defined `name`: set there, drawing on none of the process
    /// environment's variables. Only such a secret may travel to a host the `.env` chose.
    func isDotEnvOwn(_ name: String) -> Bool {
        dotEnvLine(of: name) != nil && fromDotEnv[name]?.processVariables.isEmpty == true
    }

    /// Why a models-file model may not be used when its endpoint comes from the `.env` but a
    /// secret sent with it (its key, a header) does not: the user's own secrets never travel to
    /// a host that a `.env` chose. Nil when the model may be used.
    func refusal(endpointText: String, keySource: KeySource, headers: [(String, String)]) -> String? {
        guard let origin = EnvironmentReference.names(in: endpointText).lazy.compactMap({ dotEnvLocation(of: $0) }).first else {
            return nil
        }
        var foreign: [String] = []
        switch keySource {
        case .none: break
        case .environment(let name): if !isDotEnvOwn(name) { foreign.append("its key ${\(name)}") }
        case .command: foreign.append("its key_command")
        case .literal: foreign.append("its key")
        }
        // A header is the .env's only when every part of it comes from that .env: a literal
        // value belongs to the user's own file and may be a secret too.
        for (name, value) in headers {
            let references = EnvironmentReference.names(in: value)
            if references.isEmpty || references.contains(where: { !isDotEnvOwn($0) }) {
                foreign.append("header \(name)")
            }
        }
        guard !foreign.isEmpty else { return nil }
        return "its endpoint comes from \(origin) but \(foreign.joined(separator: " and ")) does not; arena never sends a secret to a host a .env chose unless that .env defined the secret too"
    }

    /// Variables that steer arena itself rather than define a model: where it reads its
    /// configuration and writes its files, what it runs, how it reaches the network.
    static func steersArena(_ name: String) -> Bool {
        let upper = name.uppercased()
        if upper.hasPrefix("ARENA_") || upper.hasPrefix("XDG_") || upper.hasSuffix("_PROXY") { return true }
        return [
            "HOME", "PATH", "SHELL", "TMPDIR", "EDITOR", "VISUAL", "TERM", "NO_COLOR", "FORCE_COLOR",
            "CLICOLOR_FORCE", "LANG", "LC_ALL", "LC_CTYPE", "OLLAMA_HOST", "SSL_CERT_FILE", "SSL_CERT_DIR",
            "LD_PRELOAD", "LD_LIBRARY_PATH",
        ].contains(upper)
    }
}
