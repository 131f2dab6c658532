import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pseudo-terminal for running arena as if a person sat at it: the child gets the slave side,
/// a background thread drains the master side (discarding the screen output) and notes each
/// time arena's prompt appears.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    /// The path of the slave side, for the child to open as its controlling terminal.
    let slavePath: String
    private let condition = NSCondition()
    private var promptTimes: [ContinuousClock.Instant] = []
    private var bytesRead = 0
    private var ended = false
    private let needle: [UInt8]
    /// TIOCSPTLCK and TIOCGPTN (function-like macros in C, so spelled out here).
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    /// Opens a terminal of `columns` × `rows` that watches for `prompt`.
    init(columns: UInt16 = 160, rows: UInt16 = 48, prompt: String) throws {
        // posix_openpt, unlockpt and ptsname are hidden from Swift's Glibc module; on Linux
        // they are /dev/ptmx and two ioctls (grantpt is a no-op with devpts).
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard fd >= 0, ioctl(fd, Self.unlockRequest, &unlock) == 0, ioctl(fd, Self.numberRequest, &number) == 0 else {
            throw ChildProcessError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        master = fd
        slavePath = "/dev/pts/\(number)"
        needle = Array(prompt.utf8)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
        let thread = Thread { [self] in self.drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var tail: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let now = ContinuousClock.now
            // Search the end of the previous read plus this one, so a prompt split across reads counts.
            let window = tail + buffer[0..<count]
            var found = 0
            if window.count >= needle.count {
                var index = 0
                let last = window.count - needle.count
                while index <= last {
                    if window[index] == needle[0] && window[index..<(index + needle.count)].elementsEqual(needle) {
                        found += 1
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
            }
            // The kept tail is shorter than the prompt, so no match is ever counted twice.
            tail = Array(window.suffix(needle.count - 1))
            condition.lock()
            bytesRead += count
            for _ in 0..<found { promptTimes.append(now) }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the prompt has appeared `count` times in all; returns when it did, or nil
    /// on timeout or when the terminal closed first.
    func waitForPrompt(count: Int, timeout: Duration) -> ContinuousClock.Instant? {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        condition.lock()
        defer { condition.unlock() }
        while promptTimes.count < count && !ended {
            if !condition.wait(until: deadline) { break }
        }
        return promptTimes.count >= count ? promptTimes[count - 1] : nil
    }

    /// How many bytes the terminal showed so far.
    var totalBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return bytesRead
    }

    /// Types `text` as if at the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Closes the master side (the child then sees a hang-up).
    func close() { _ = Glibc.close(master) }
}
