import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal for running arena as a person's terminal would, for the end-to-end tests
/// and the benchmarks: the child gets the slave side as its controlling terminal (so Ctrl-C,
/// byte 3, and resizes arrive as SIGINT and SIGWINCH); a thread of its own reads the master
/// side, keeps the screen output (unless asked not to, for benchmarks that stream megabytes)
/// and notes each time a watched-for text (arena's prompt) appears.
public final class PseudoTerminal: @unchecked Sendable {
    /// The master side, which this process reads and writes.
    public let master: Int32
    /// The path of the slave side, for a child to open as its controlling terminal.
    public let slavePath: String
    private let condition = NSCondition()
    private let keepsOutput: Bool
    private let needle: [UInt8]
    private var output: [UInt8] = []
    private var bytesRead = 0
    private var needleTimes: [ContinuousClock.Instant] = []
    private var ended = false
    private var masterOpen = true
    private var process: Process?
    private let exited = DispatchSemaphore(value: 0)
    /// TIOCSPTLCK and TIOCGPTN (function-like macros in C, so spelled out here).
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    /// Waiting for output (or an exit) took longer than allowed.
    public struct Timeout: Error, CustomStringConvertible {
        public let waitingFor: String
        public let screen: String

        public init(waitingFor: String, screen: String) {
            self.waitingFor = waitingFor
            self.screen = screen
        }

        public var description: String { "timed out waiting for \(waitingFor); output so far:\n\(screen)" }
    }

    /// Opens a terminal of `columns` × `rows`; each appearance of `watchedText` is timed (see
    /// ``waitForWatchedText(count:timeout:)``); the output is kept when `keepsOutput`.
    public init(columns: Int = 160, rows: Int = 48, watching watchedText: String = "", keepsOutput: Bool = true) throws {
        // posix_openpt, unlockpt and ptsname are hidden from Swift's Glibc module; on Linux
        // they are /dev/ptmx and two ioctls (grantpt is a no-op with devpts).
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard fd >= 0, ioctl(fd, Self.unlockRequest, &unlock) == 0, ioctl(fd, Self.numberRequest, &number) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ENOTTY)
        }
        master = fd
        slavePath = "/dev/pts/\(number)"
        needle = Array(watchedText.utf8)
        self.keepsOutput = keepsOutput
        resize(columns: columns, rows: rows)
        let thread = Thread { [self] in drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Opens a terminal and runs `executable` in it through `setsid -w -c`: the terminal
    /// becomes its controlling terminal, and setsid (which forks, being a process-group leader
    /// here) waits and passes on the program's own exit status.
    public convenience init(running executable: String, arguments: [String] = [], columns: Int = 160, rows: Int = 48, environment: [String: String]) throws {
        try self.init(columns: columns, rows: rows)
        let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ENOTTY) }
        let slaveHandle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", "-c", executable] + arguments
        process.environment = environment
        process.standardInput = slaveHandle
        process.standardOutput = slaveHandle
        process.standardError = slaveHandle
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        try slaveHandle.close()
        self.process = process
    }

    deinit {
        if let process, process.isRunning { process.terminate() }
        close()
    }

    private func drain() {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var tail: [UInt8] = []
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let now = ContinuousClock.now
            let found = needle.isEmpty ? 0 : Self.count(needle, in: tail + chunk[0..<count], keepingTail: &tail)
            condition.lock()
            bytesRead += count
            if keepsOutput { output.append(contentsOf: chunk[0..<count]) }
            for _ in 0..<found { needleTimes.append(now) }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// How often `needle` occurs in `window`; `tail` becomes the window's end shorter than the
    /// needle, to be searched again with the next read (so a needle split across reads counts,
    /// and none counts twice).
    private static func count(_ needle: [UInt8], in window: [UInt8], keepingTail tail: inout [UInt8]) -> Int {
        var found = 0
        var index = 0
        while index + needle.count <= window.count {
            if window[index] == needle[0] && window[index..<(index + needle.count)].elementsEqual(needle) {
                found += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        tail = Array(window.suffix(needle.count - 1))
        return found
    }

    /// Everything the program wrote so far, escape sequences removed.
    public var text: String { Self.stripEscapes(rawText) }

    /// Everything the program wrote so far, exactly.
    public var rawText: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: output, as: UTF8.self)
    }

    /// How many bytes the terminal showed so far.
    public var totalBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return bytesRead
    }

    /// Waits until the output (escapes removed, unless `raw`) satisfies `predicate`; fails
    /// after `seconds`.
    public func waitUntil(_ description: String, seconds: Double = 30, raw: Bool = false, _ predicate: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let decoded = String(decoding: output, as: UTF8.self)
            let current = raw ? decoded : Self.stripEscapes(decoded)
            if predicate(current) { return }
            if ended || !condition.wait(until: deadline) {
                let decoded = String(decoding: output, as: UTF8.self)
                if predicate(raw ? decoded : Self.stripEscapes(decoded)) { return }
                throw Timeout(waitingFor: description, screen: current)
            }
        }
    }

    /// Waits until `text` has appeared `count` times in the output.
    public func waitFor(_ text: String, count: Int = 1, seconds: Double = 30) throws {
        try waitUntil("\(count)× \(text.debugDescription)", seconds: seconds) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// Waits until the watched-for text has appeared `count` times in all; returns when it
    /// did, or nil on timeout or when the terminal closed first.
    public func waitForWatchedText(count: Int, timeout: Duration) -> ContinuousClock.Instant? {
        let (whole, fraction) = timeout.components
        let deadline = Date().addingTimeInterval(Double(whole) + Double(fraction) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while needleTimes.count < count && !ended {
            if !condition.wait(until: deadline) { break }
        }
        return needleTimes.count >= count ? needleTimes[count - 1] : nil
    }

    /// Types `text` as if at the keyboard.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Waits until every process has closed its side of the terminal, so that everything the
    /// program wrote, to its last byte, has been read.
    public func waitForEndOfOutput(seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !ended {
            if !condition.wait(until: deadline) { throw Timeout(waitingFor: "the end of output", screen: String(decoding: output, as: UTF8.self)) }
        }
    }

    /// Sends `number` (SIGTERM, SIGHUP, SIGCONT, …) to the program: the terminal's foreground
    /// process group, which is the program's (setsid made it the session leader).
    public func signal(_ number: Int32) {
        let group = tcgetpgrp(master)
        if group > 0 { kill(-group, number) }
    }

    /// Waits until the program is stopped (Ctrl-Z): its state in `/proc` is `T`.
    public func waitUntilStopped(seconds: Double = 30) throws {
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
    public var modes: termios {
        var modes = termios()
        _ = tcgetattr(master, &modes)
        return modes
    }

    /// Gives the terminal a new size (the program gets SIGWINCH).
    public func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits for the program started with ``init(running:arguments:columns:rows:environment:)``
    /// to exit and returns its status.
    public func waitForExit(seconds: Double = 30) throws -> Int32 {
        guard let process, exited.wait(timeout: .now() + seconds) == .success else {
            throw Timeout(waitingFor: "exit", screen: text)
        }
        exited.signal()
        return process.terminationStatus
    }

    /// Closes the master side (the program then sees a hang-up). Closing twice does nothing.
    public func close() {
        condition.lock()
        defer { condition.unlock() }
        guard masterOpen else { return }
        masterOpen = false
        _ = Glibc.close(master)
    }

    /// Removes CSI and OSC escape sequences, carriage returns, bells and backspaces; a cursor
    /// move forward on a line (`CSI n C`, which the live columns write instead of padding)
    /// becomes the blank cells it skips.
    public static func stripEscapes(_ text: String) -> String {
        var output = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    var parameters = ""
                    while let c = iterator.next() {
                        guard !(0x40...0x7E).contains(c.value) else {
                            if c == "C" { output += String(repeating: " ", count: Int(parameters) ?? 1) }
                            break
                        }
                        parameters.unicodeScalars.append(c)
                    }
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
