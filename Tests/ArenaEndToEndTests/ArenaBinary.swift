import ArenaTestSupport
import Foundation

/// Finds the built `arena` executable next to the test bundle (both live in the build
/// folder), and makes a throwaway HOME for each run so history and data never touch the
/// real ones.
enum ArenaBinary {
    static var path: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests.appendingPathComponent("arena").path]
        var directory = besideTests
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("arena").path)
            directory = directory.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/arena").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// A new empty directory to serve as HOME, removed when the tests end.
    static func temporaryHome() -> String {
        TemporaryDirectory.path(prefix: "arena-e2e-")
    }

    /// The environment for a run: HOME in a throwaway folder, no colour preferences inherited.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": home,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs arena with `input` on a pipe and returns what it wrote and its exit status.
    /// `workingDirectory` is where it runs (a folder holding a `.env`, say); by default the
    /// tests' own.
    static func runPiped(
        _ arguments: [String] = [], input: String, extra: [String: String] = [:], workingDirectory: String? = nil
    ) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(home: temporaryHome(), extra: extra)
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errorData = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: output, as: UTF8.self), errorData.text(), process.terminationStatus)
    }
}

/// Reads a pipe to its end on a thread of its own (so a full stderr pipe cannot block the child).
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
