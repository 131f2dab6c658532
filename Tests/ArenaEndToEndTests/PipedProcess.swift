import ArenaTestSupport
import Foundation

/// Runs arena with its output on a pipe, so a test can watch the output as it comes and act
/// on it (stop the process at a chosen moment).
final class PipedProcess: @unchecked Sendable {
    let process = Process()
    private let condition = NSCondition()
    private var output = Data()
    private var ended = false

    init(_ arguments: [String], environment: [String: String], input: String = "") throws {
        process.executableURL = URL(fileURLWithPath: ArenaBinary.path)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let reader = stdout.fileHandleForReading
        Thread { [self] in
            while true {
                let data = reader.availableData
                condition.lock()
                if data.isEmpty {
                    ended = true
                } else {
                    output.append(data)
                }
                condition.broadcast()
                condition.unlock()
                if data.isEmpty { return }
            }
        }.start()
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: output, as: UTF8.self)
    }

    /// Waits until the output contains `needle`.
    func waitFor(_ needle: String, seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !String(decoding: output, as: UTF8.self).contains(needle) {
            if ended || !condition.wait(until: deadline) {
                throw PseudoTerminal.Timeout(waitingFor: needle, screen: String(decoding: output, as: UTF8.self))
            }
        }
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
