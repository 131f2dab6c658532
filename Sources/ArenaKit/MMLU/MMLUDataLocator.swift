import Foundation

/// Finds the MMLU data to use: the `--mmlu DIR` option, then the `ARENA_MMLU_DIR` environment
/// variable, then `$XDG_DATA_HOME/arena/mmlu` (by default `~/.local/share/arena/mmlu`).
///
/// A directory may be the release root (holding `data/`) or the `data/` folder itself.
public enum MMLUDataLocator {
    /// The environment variable that names an MMLU directory.
    public static let environmentVariable = "ARENA_MMLU_DIR"

    /// Where a found directory was named.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        /// The `--mmlu` command-line option.
        case option
        /// The `ARENA_MMLU_DIR` environment variable.
        case environment
        /// The XDG data directory, where `scripts/fetch-mmlu` puts the release.
        case dataHome

        public var description: String {
            switch self {
            case .option: return "--mmlu"
            case .environment: return MMLUDataLocator.environmentVariable
            case .dataHome: return "XDG data directory"
            }
        }
    }

    /// A found data directory: the folder holding `dev/`, `val/`, `test/`.
    public struct Location: Sendable, Hashable {
        /// The folder holding the split folders.
        var dataDirectory: String
        /// Where it was named.
        public var origin: Origin

        /// A location of `dataDirectory`, named by `origin`.
        public init(dataDirectory: String, origin: Origin) {
            self.dataDirectory = dataDirectory
            self.origin = origin
        }
    }

    /// The first usable location, or nil when none is configured and the XDG directory has no
    /// data (then the built-in set is used).
    ///
    /// A directory named explicitly (option or environment variable) that holds no data is an
    /// error rather than a silent fallback, so that a typo does not go unnoticed.
    static func locate(
        explicitDirectory: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(MMLUDataError) -> Location? {
        if let explicitDirectory {
            return try requireData(in: explicitDirectory, origin: .option)
        }
        if let named = environment[environmentVariable], !named.isEmpty {
            return try requireData(in: named, origin: .environment)
        }
        if let defaultDirectory = defaultDirectory(environment: environment),
           let dataDirectory = dataDirectory(in: defaultDirectory) {
            return Location(dataDirectory: dataDirectory, origin: .dataHome)
        }
        return nil
    }

    /// `$XDG_DATA_HOME/arena/mmlu`, or `$HOME/.local/share/arena/mmlu` when `XDG_DATA_HOME` is
    /// unset, empty or relative (as the XDG spec says). Nil when no home directory is known.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return (dataHome as NSString).appendingPathComponent("arena/mmlu")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".local/share/arena/mmlu")
    }

    /// The folder holding the split folders: `directory/data` when that has one, else
    /// `directory` itself when it has one; nil otherwise.
    public static func dataDirectory(in directory: String) -> String? {
        let expanded = (directory as NSString).expandingTildeInPath
        let nested = (expanded as NSString).appendingPathComponent("data")
        if hasSplitFolder(nested) { return nested }
        if hasSplitFolder(expanded) { return expanded }
        return nil
    }

    private static func requireData(in directory: String, origin: Origin) throws(MMLUDataError) -> Location {
        guard let dataDirectory = dataDirectory(in: directory) else {
            throw .noData(directory: directory, origin: origin.description)
        }
        return Location(dataDirectory: dataDirectory, origin: origin)
    }

    private static func hasSplitFolder(_ directory: String) -> Bool {
        MMLUSplit.allCases.contains { split in
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(split.rawValue)
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}

extension MMLUQuestionBank {
    /// Loads the bank arena should use: the located MMLU data (see `MMLUDataLocator.locate`),
    /// or the built-in question set when none is found. `bank.source` says which.
    package static func load(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(MMLUDataError) -> MMLUQuestionBank {
        guard let location = try MMLUDataLocator.locate(explicitDirectory: explicitDirectory, environment: environment) else {
            return .builtIn
        }
        return try MMLUDirectoryLoader.loadBank(dataDirectory: location.dataDirectory)
    }

    /// The question set compiled into arena, for use offline.
    public static var builtIn: MMLUQuestionBank {
        MMLUQuestionBank(source: .builtIn, questions: MMLUBuiltInQuestions.all)
    }
}
