import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The controlling terminal's size and modes, and raw writes to a file descriptor.
public enum TerminalDevice {
    /// True when `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// The size of the terminal on `fd` in cells, or `nil` when it is not a terminal.
    public static func size(of fd: Int32 = STDOUT_FILENO) -> (columns: Int, rows: Int)? {
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        guard ioctl(fd, request, &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Writes all of `text` to `fd`, retrying short writes and interruptions.
    public static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            writeAll(buffer, to: fd)
        }
    }

    static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            #if canImport(Glibc)
            let written = Glibc.write(fd, pointer, remaining)
            #else
            let written = Darwin.write(fd, pointer, remaining)
            #endif
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            pointer += written
            remaining -= written
        }
    }
}

extension TerminalDevice {
    /// Notes the terminal's modes as arena found them, so ``restoreInitialState()`` can put them
    /// back whatever happens later. Called once, first thing.
    public static func recordInitialState() {
        var modes = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        initialModes.withLock { $0 = modes }
    }

    /// Puts back the modes recorded at start and shows the cursor (for an exit that cannot go
    /// through the normal path, such as a second SIGTERM).
    public static func restoreInitialState() {
        guard var modes = initialModes.withLock({ $0 }) else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        if isatty(STDOUT_FILENO) == 1 { write("\u{1B}[?25h\r\n", to: STDOUT_FILENO) }
    }

    /// Lends the terminal to another program for the length of `body` (`/edit`'s editor): the
    /// modes arena found at start are put in place (echo and line editing on, whatever the line
    /// editor or the streaming left), the cursor is shown and bracketed paste is off; afterwards
    /// arena's modes are back as they were.
    static func lend<T>(_ body: () throws(CommandError) -> T) throws(CommandError) -> T {
        var current = termios()
        let isTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &current) == 0
        if isTerminal, var modes = initialModes.withLock({ $0 }) {
            tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        }
        if isatty(STDOUT_FILENO) == 1 { write("\u{1B}[?2004l\u{1B}[?25h", to: STDOUT_FILENO) }
        defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &current) } }
        return try body()
    }
}

/// The terminal modes at start, for ``TerminalDevice/restoreInitialState()``.
private let initialModes = Mutex<termios?>(nil)

/// The terminal's modes while a turn's columns are drawn: keyboard echo and line buffering off
/// (so typing cannot tear the columns), and the output post-processing of the terminal the
/// columns are drawn on; all back as they were afterwards. Ctrl-C keeps working because
/// signals stay enabled.
final class TurnTerminalModes: @unchecked Sendable {
    private let fd: Int32
    private let outputFD: Int32?
    private var saved = termios()
    private var active = false

    /// `outputFD`: the terminal the live columns are drawn on; when it is the same terminal as
    /// `fd`, its output post-processing is turned off too while the turn is drawn.
    init(fd: Int32 = STDIN_FILENO, outputFD: Int32? = nil) {
        self.fd = fd
        self.outputFD = outputFD
    }

    /// Stops echo and line buffering on the terminal, if it is one. On the terminal the columns
    /// are drawn on, output post-processing (`OPOST`: a line feed sent as CR LF) stops too, as
    /// full-screen programs do: every row the renderer writes ends in its own `\r\n`, and the
    /// kernel's line discipline, which otherwise examines every byte of output and hands it on
    /// in pieces split at each line break, cost as much CPU per turn as laying out a fast
    /// Markdown answer (measured with `perf`, the `n_tty_write` of the render's writes).
    func enter() {
        guard !active, isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
        if let outputFD, Self.sameTerminal(fd, outputFD) { raw.c_oflag &= ~tcflag_t(OPOST) }
        if tcsetattr(fd, TCSANOW, &raw) == 0 { active = true }
    }

    /// Whether two descriptors are the same terminal device.
    private static func sameTerminal(_ first: Int32, _ second: Int32) -> Bool {
        var a = stat(), b = stat()
        guard isatty(second) == 1, fstat(first, &a) == 0, fstat(second, &b) == 0 else { return false }
        return a.st_rdev == b.st_rdev
    }

    /// Restores the terminal as it was. Whatever was typed meanwhile stays queued and appears
    /// at the next prompt.
    func leave() {
        guard active else { return }
        tcsetattr(fd, TCSANOW, &saved)
        active = false
    }
}
