import Foundation

/// Where the tests that need the full MMLU release (57 subjects of CSV files, not part of the
/// repository) find it, and whether they run without it.
///
/// The release is looked for in `ARENA_MMLU_DIR`, then `../shared/mmlu` beside the package,
/// then the user's installed copy (`$XDG_DATA_HOME/arena/mmlu`, else
/// `~/.local/share/arena/mmlu`). When none holds it the tests are skipped, with
/// ``skipReason`` saying how to enable them, except under CI (`CI` set, and not `false` or
/// `0`), where they run and fail with ``missingMessage``: a CI job must not pass by skipping.
public enum MMLUTestRelease {
    /// The release folder (the one holding `data/`), or nil when no candidate has it.
    public static let directory: String? = candidates().first(where: hasData)

    /// Whether the release tests run: the data is there, or CI requires them.
    public static var shouldRun: Bool { directory != nil || isRequired }

    /// Whether the environment says this is CI.
    public static var isRequired: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// The one line a skipped suite shows.
    public static let skipReason = "skipped: needs the full MMLU release; run scripts/fetch-mmlu, or set ARENA_MMLU_DIR to a copy (or put one in ../shared/mmlu)"

    /// Why a release test fails under CI when the data is missing.
    public static var missingMessage: String {
        "CI is set but the full MMLU release was not found (looked in: \(candidates().joined(separator: ", "))); set ARENA_MMLU_DIR"
    }

    /// Where the release may be, in order.
    static func candidates(filePath: String = #filePath) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var result: [String] = []
        if let named = environment["ARENA_MMLU_DIR"], !named.isEmpty {
            let expanded = (named as NSString).expandingTildeInPath
            // ARENA_MMLU_DIR may name the release or its data folder.
            result.append(hasSplits((expanded as NSString).appendingPathComponent("data")) || !expanded.hasSuffix("/data")
                ? expanded : (expanded as NSString).deletingLastPathComponent)
        }
        if let root = packageRoot(filePath: filePath) {
            result.append(((root as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shared/mmlu"))
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            result.append((dataHome as NSString).appendingPathComponent("arena/mmlu"))
        } else if let home = environment["HOME"], !home.isEmpty {
            result.append((home as NSString).appendingPathComponent(".local/share/arena/mmlu"))
        }
        return result
    }

    private static func hasData(_ directory: String) -> Bool {
        hasSplits((directory as NSString).appendingPathComponent("data"))
    }

    private static func hasSplits(_ directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        let test = (directory as NSString).appendingPathComponent("test")
        return FileManager.default.fileExists(atPath: test, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func packageRoot(filePath: String) -> String? {
        var directory = (filePath as NSString).deletingLastPathComponent
        while directory != "/" && !directory.isEmpty {
            if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("Package.swift")) { return directory }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return nil
    }
}
