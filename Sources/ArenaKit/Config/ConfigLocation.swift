import Foundation

/// Finds the models file: `--config FILE`, else `ARENA_CONFIG`, else
/// `$XDG_CONFIG_HOME/arena/models.yaml`, else `~/.config/arena/models.yaml`.
public enum ConfigLocation {
    /// The path to read, and whether the person named it (then it must exist).
    public static func path(explicit: String?, environment: [String: String], workingDirectory: String) -> (path: String, isExplicit: Bool)? {
        if let explicit, !explicit.isEmpty { return (absolute(explicit, in: workingDirectory, environment: environment), true) }
        if let fromEnvironment = environment["ARENA_CONFIG"], !fromEnvironment.isEmpty {
            return (absolute(fromEnvironment, in: workingDirectory, environment: environment), true)
        }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return ((xdg as NSString).appendingPathComponent("arena/models.yaml"), false)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ((home as NSString).appendingPathComponent(".config/arena/models.yaml"), false)
    }

    private static func absolute(_ path: String, in directory: String, environment: [String: String]) -> String {
        if path.hasPrefix("~/"), let home = environment["HOME"] { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    /// True when the file at `path` can be read by its group or by others.
    static func isReadableByOthers(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let permissions = attributes[.posixPermissions] as? NSNumber else { return false }
        return permissions.intValue & 0o044 != 0
    }
}
