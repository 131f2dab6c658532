import ArenaTestSupport
import ArenaTestServer
import Foundation
@testable import ArenaKit

/// Where the full MMLU release lives for tests: see ``MMLUTestRelease`` (ARENA_MMLU_DIR,
/// `../shared/mmlu`, the user's installed copy).
enum MMLUTestData {
    static func releaseRoot() -> String? {
        MMLUTestRelease.directory
    }
}

/// The seeded generator the MMLU tests use.
typealias MMLUTestGenerator = SplitMix64

/// A temporary directory removed when the value is released.
final class MMLUTemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("arena-mmlu-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `relativePath`, creating folders as needed; returns the full path.
    @discardableResult
    func write(_ relativePath: String, _ contents: String) throws -> String {
        try write(relativePath, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let full = (path as NSString).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
