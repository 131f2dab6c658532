import Foundation
import Synchronization

/// A fresh, empty directory under the system's temporary directory, for one test or one
/// benchmark. It is removed by ``cleanUp()``, and at the latest when the process exits, so a
/// test run leaves nothing behind in `/tmp` (also when a test fails halfway).
public struct TemporaryDirectory: Sendable {
    public let path: String

    /// Makes the directory, named `prefix` followed by a unique suffix.
    public init(prefix: String = "arena-test-") throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent(prefix + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        Self.removeAtExit(path)
    }

    /// A new directory's path, for code that only needs a place (a HOME for a child process);
    /// removed when the process exits.
    public static func path(prefix: String) -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(prefix + UUID().uuidString)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        removeAtExit(path)
        return path
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `text` to `name` (folders made as needed) with POSIX `permissions`; returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String, permissions: Int = 0o600) throws -> String {
        let file = try write(name, bytes: Array(text.utf8))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: file)
        return file
    }

    /// Writes `bytes` to `name` (folders made as needed); returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = self.file(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Removes the directory and everything in it now.
    public func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static let made = Mutex<[String]>([])
    private static let exitHandler: Void = {
        atexit {
            for path in TemporaryDirectory.made.withLock({ $0 }) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }()

    private static func removeAtExit(_ path: String) {
        _ = exitHandler
        made.withLock { $0.append(path) }
    }
}
