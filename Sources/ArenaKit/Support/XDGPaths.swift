import Foundation

/// Where arena keeps its files, following the XDG Base Directory specification.
public enum XDGPaths {
    /// `$XDG_STATE_HOME/arena/history`, by default `~/.local/state/arena/history`.
    public static func historyFile(environment: [String: String]) -> String {
        directory("XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/arena/history"
    }

    /// `$XDG_DATA_HOME/arena`, by default `~/.local/share/arena`.
    public static func dataDirectory(environment: [String: String]) -> String {
        directory("XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/arena"
    }

    /// `$XDG_CONFIG_HOME/arena`, by default `~/.config/arena`.
    public static func configDirectory(environment: [String: String]) -> String {
        directory("XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/arena"
    }

    /// The user's home directory.
    public static var home: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    private static func directory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return home + "/" + fallback
    }
}
