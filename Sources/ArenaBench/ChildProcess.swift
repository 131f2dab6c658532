import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended and what it cost: wall time, CPU time and peak memory.
struct ChildOutcome: Sendable {
    /// The exit status, or 128 + signal number when a signal ended it.
    var status: Int32
    /// From spawn to exit, in seconds.
    var wallSeconds: Double
    /// User plus system CPU time of the child, in seconds.
    var cpuSeconds: Double
    /// The child's peak resident set size (VmHWM, sampled every 2 ms until it exits), in bytes.
    var maxResidentBytes: Int
    /// When the child exited.
    var exitedAt: ContinuousClock.Instant
}

/// Why a child process could not be run.
struct ChildProcessError: Error, CustomStringConvertible {
    var description: String
}

/// A child process started with `posix_spawn`, its standard streams wired to given descriptors,
/// reaped with `wait4` so that its CPU time and peak memory can be read.
final class ChildProcess: @unchecked Sendable {
    /// glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module does not export.
    private static let spawnSetSessionID: Int32 = 0x80
    let pid: pid_t
    let startedAt: ContinuousClock.Instant

    /// Starts `executable` with `arguments` and exactly `environment`; the child's descriptors
    /// 0, 1 and 2 become `stdin`, `stdout` and `stderr`. With `newSession` the child leads a
    /// new session, so a terminal it opens as its standard input becomes its controlling one;
    /// `controllingTerminal` is then opened (by path) as descriptors 0, 1 and 2 instead.
    init(
        executable: String,
        arguments: [String],
        environment: [String: String],
        stdin: Int32,
        stdout: Int32,
        stderr: Int32,
        controllingTerminal: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if let terminal = controllingTerminal {
            flags |= Self.spawnSetSessionID
            posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        } else {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
            posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGTERM, SIGWINCH, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.startedAt = start
        peakMemory = PeakMemoryWatcher(pid: pid)
    }

    /// Watches VmHWM, because `wait4`'s `ru_maxrss` is wrong for a spawned child: Linux
    /// counts the parent's resident memory at the moment of the child's `exec` (posix_spawn
    /// shares the parent's memory until then), so a large benchmark process inflates it.
    private let peakMemory: PeakMemoryWatcher

    /// Waits for the child to exit and reports what it cost.
    func wait() -> ChildOutcome {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let end = ContinuousClock.now
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let exited = status & 0x7f == 0
        let peak = peakMemory.stop()
        return ChildOutcome(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            wallSeconds: (end - startedAt).seconds,
            cpuSeconds: cpu,
            maxResidentBytes: peak > 0 ? peak : Int(usage.ru_maxrss) * 1024,
            exitedAt: end
        )
    }

    /// True once the child has exited (without reaping it).
    var hasExited: Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Waits up to `timeout` for the child to exit, then kills it; returns its outcome either way.
    func wait(timeout: Duration) -> ChildOutcome {
        let deadline = ContinuousClock.now + timeout
        while !hasExited && ContinuousClock.now < deadline {
            usleep(2_000)
        }
        if !hasExited { kill(pid, SIGKILL) }
        return wait()
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// A pipe whose read end a background thread drains, counting (and optionally keeping) bytes.
final class DrainedPipe: @unchecked Sendable {
    let readEnd: Int32
    let writeEnd: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var total = 0
    private let keepLimit: Int
    private let done = DispatchSemaphore(value: 0)

    /// A pipe that keeps at most `keepLimit` bytes of what it reads (for error messages).
    init(keepLimit: Int = 64 << 10) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ChildProcessError(description: "pipe: \(String(cString: strerror(errno)))") }
        readEnd = fds[0]
        writeEnd = fds[1]
        self.keepLimit = keepLimit
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        let thread = Thread { [self] in self.drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            lock.lock()
            total += count
            if bytes.count < keepLimit { bytes.append(contentsOf: buffer[0..<min(count, keepLimit - bytes.count)]) }
            lock.unlock()
        }
        close(readEnd)
        done.signal()
    }

    /// Closes the parent's copy of the write end, so the reader sees the end once the child exits.
    func closeWriteEnd() { close(writeEnd) }

    /// Waits for the end of the data; returns the byte count and the first bytes kept.
    func finish() -> (count: Int, head: String) {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return (total, String(decoding: bytes, as: UTF8.self))
    }
}

/// Samples a process's peak resident set size (VmHWM in /proc/PID/status) every 2 ms until
/// stopped or the process is gone. The peak only grows, so the last sample before exit is at
/// most 2 ms behind the true one.
final class PeakMemoryWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        let path = "/proc/\(pid)/status"
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                lock.lock()
                let stop = stopped
                lock.unlock()
                if stop { break }
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                if fd < 0 { break }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                close(fd)
                if count > 0, let value = Self.highWaterMark(in: String(decoding: buffer[0..<count], as: UTF8.self)) {
                    lock.lock()
                    peak = max(peak, value)
                    lock.unlock()
                }
                usleep(2_000)
            }
            done.signal()
        }
        thread.start()
    }

    /// Stops sampling; returns the peak seen, in bytes (0 if none was read).
    func stop() -> Int {
        lock.lock()
        stopped = true
        lock.unlock()
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return peak
    }

    static func highWaterMark(in status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let digits = line.dropFirst("VmHWM:".count).filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
    }
}
