import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a pseudo-terminal of a given size, as a person's terminal would: it can
/// type into it, resize it, and read back everything the program drew.
///
/// The program is started through `setsid -c` so the terminal becomes its controlling
/// terminal, which makes Ctrl-C (byte 3) and resizes arrive as SIGINT and SIGWINCH.
final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private let process = Process()
    private let condition = NSCondition()
    private var buffer = Data()
    private var closed = false
    private let exited = DispatchSemaphore(value: 0)

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let screen: String
        var description: String { "timed out waiting for \(waitingFor); output so far:\n\(screen)" }
    }

    init(arguments: [String] = [], columns: Int = 160, rows: Int = 48, environment: [String: String]) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        self.master = master
        let slaveHandle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        // `-c`: the pty becomes arena's controlling terminal. `-w`: setsid forks (it is a
        // process-group leader here), so it must wait and pass on arena's exit status.
        process.arguments = ["-w", "-c", ArenaBinary.path] + arguments
        process.environment = environment
        process.standardInput = slaveHandle
        process.standardOutput = slaveHandle
        process.standardError = slaveHandle
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        try slaveHandle.close()
        Thread { [self] in readLoop() }.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    private func readLoop() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            condition.lock()
            if count <= 0 {
                closed = true
                condition.broadcast()
                condition.unlock()
                return
            }
            buffer.append(contentsOf: chunk[0..<count])
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Waits until every process has closed its side of the terminal, so that everything the
    /// program wrote, to its last byte, has been read.
    func waitForEndOfOutput(seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !closed {
            if !condition.wait(until: deadline) { throw Timeout(waitingFor: "the end of output", screen: String(decoding: buffer, as: UTF8.self)) }
        }
    }

    /// Everything the program wrote so far, escape sequences removed.
    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return Self.stripEscapes(String(decoding: buffer, as: UTF8.self))
    }

    /// Everything the program wrote so far, exactly.
    var rawText: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Waits until the output (escapes removed, unless `raw`) satisfies `predicate`; fails after `seconds`.
    func waitUntil(_ description: String, seconds: Double = 30, raw: Bool = false, _ predicate: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let decoded = String(decoding: buffer, as: UTF8.self)
            let current = raw ? decoded : Self.stripEscapes(decoded)
            if predicate(current) { return }
            if closed || !condition.wait(until: deadline) {
                let decoded = String(decoding: buffer, as: UTF8.self)
                if predicate(raw ? decoded : Self.stripEscapes(decoded)) { return }
                throw Timeout(waitingFor: description, screen: current)
            }
        }
    }

    /// Waits until `text` has appeared `count` times in the output.
    func waitFor(_ text: String, count: Int = 1, seconds: Double = 30) throws {
        try waitUntil("\(count)× \(text.debugDescription)", seconds: seconds) { $0.occurrences(of: text) >= count }
    }

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Sends `number` (SIGTERM, SIGHUP, …) to the program: the terminal's foreground
    /// process group, which is arena's (setsid made it the session leader).
    func signal(_ number: Int32) {
        let group = tcgetpgrp(master)
        if group > 0 { kill(-group, number) }
    }

    /// Waits until the program is stopped (Ctrl-Z): its state in `/proc` is `T`.
    func waitUntilStopped(seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let group = tcgetpgrp(master)
            if group > 0, let stat = try? String(contentsOfFile: "/proc/\(group)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "T" {
                return
            }
            usleep(10_000)
        }
        throw Timeout(waitingFor: "the program to stop", screen: text)
    }

    /// The terminal's modes as the program left them (read through the master side).
    var modes: termios {
        var modes = termios()
        _ = tcgetattr(master, &modes)
        return modes
    }

    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits for the program to exit and returns its status.
    func waitForExit(seconds: Double = 30) throws -> Int32 {
        guard exited.wait(timeout: .now() + seconds) == .success else {
            throw Timeout(waitingFor: "exit", screen: text)
        }
        exited.signal()
        return process.terminationStatus
    }

    /// Removes CSI and OSC escape sequences and carriage returns.
    static func stripEscapes(_ text: String) -> String {
        var output = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = iterator.next(), c != "\u{07}", c != "\u{1B}" {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{07}" || scalar == "\u{08}" { continue }
            output.unicodeScalars.append(scalar)
        }
        return output
    }
}

extension StringProtocol {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
