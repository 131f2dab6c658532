import Foundation

/// Where the suite runs arena: the binary, a private home and working directory (so no user
/// configuration, `.env`, history or transcripts leak in), and the base environment.
struct BenchEnvironment: Sendable {
    /// The release `arena` binary.
    var arena: String
    /// A scratch directory used as HOME and as the working directory of every child.
    var scratch: String

    /// Makes a fresh scratch directory under the system's temporary directory.
    static func make(arena: String) throws -> BenchEnvironment {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("arena-bench.XXXXXX")
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw ChildProcessError(description: "cannot make a scratch directory under \(NSTemporaryDirectory())")
        }
        return BenchEnvironment(arena: arena, scratch: String(cString: made))
    }

    /// The environment for a child: only what arena needs, plus `extra`.
    func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": scratch,
            "XDG_CONFIG_HOME": scratch + "/config",
            "XDG_DATA_HOME": scratch + "/data",
            "XDG_STATE_HOME": scratch + "/state",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            // No built-in MMLU lookups in a user's data folder.
            "ARENA_MMLU_DIR": scratch + "/no-mmlu",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Removes the scratch directory.
    func cleanUp() {
        try? FileManager.default.removeItem(atPath: scratch)
    }
}
