#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Turns SIGINT (Ctrl-C), SIGWINCH (terminal resized), SIGTSTP (Ctrl-Z) and the signals that
/// end a program (SIGTERM, SIGHUP, SIGQUIT) into calls on ordinary threads.
///
/// The signal handlers only write one byte to a pipe (all a signal handler may safely do); a
/// thread reads the pipe and calls whichever handler the REPL has installed for the moment:
/// cancelling the running turn, abandoning the line being edited, re-laying out the columns.
///
/// An ending signal is handled like Ctrl-C (the turn stops, its partial answers are recorded,
/// the terminal is restored by the code that changed it), and then the program ends with the
/// conventional status, 128 + the signal's number: ``terminationSignal`` tells the loops to
/// stop. A second ending signal, or one that arrives when there is nothing to stop, restores
/// the terminal and exits at once.
public final class SignalWatcher: Sendable {
    public enum Event: Sendable, Equatable {
        case interrupt
        case resize
        /// SIGTERM, SIGHUP or SIGQUIT, with its number.
        case terminate(Int32)
    }

    /// The watcher for this process, created on first use.
    public static let shared = SignalWatcher()

    /// Unblocks the signals arena handles on the calling thread (the main thread, first thing,
    /// so that every thread made later inherits the mask), whatever mask arena inherited.
    public static func unblockHandledSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    private let handler = Mutex<(@Sendable (Event) -> Void)?>(nil)
    private let termination = Mutex<Int32?>(nil)

    /// The ending signal received, once one has been: loops stop and the program exits with
    /// `128 + signal`.
    public var terminationSignal: Int32? { termination.withLock { $0 } }

    /// The exit status for the ending signal received, if any.
    public var terminationStatus: Int32? { terminationSignal.map { 128 + $0 } }

    private init() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        // Not inherited by the programs arena starts (an editor, a clipboard tool).
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        signalPipeReadEnd = fds[0]
        signalPipeWriteEnd = fds[1]
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        for number in [SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP] { install(number) }
        let readEnd = fds[0]
        let thread = Thread { [self] in run(readEnd: readEnd) }
        thread.stackSize = 1 << 18
        thread.start()
    }

    /// Sets the function called for each signal, replacing the previous one.
    public func setHandler(_ newHandler: (@Sendable (Event) -> Void)?) {
        handler.withLock { $0 = newHandler }
    }

    private func install(_ signalNumber: Int32) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        #else
        action.__sigaction_u.__sa_handler = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        #endif
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(signalNumber, &action, nil)
    }

    private func run(readEnd: Int32) {
        var byte: UInt8 = 0
        while true {
            let count = read(readEnd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return }
            let number = Int32(byte)
            let event: Event
            switch number {
            case SIGINT: event = .interrupt
            case SIGWINCH: event = .resize
            case SIGTSTP:
                Self.stopUntilContinued()
                event = .resize
            default:
                let first = termination.withLock { signal -> Bool in
                    defer { signal = signal ?? number }
                    return signal == nil
                }
                guard first else { Self.exitNow(status: 128 + number) }
                event = .terminate(number)
            }
            let current = handler.withLock { $0 }
            if let current {
                current(event)
            } else if case .terminate(let number) = event {
                Self.exitNow(status: 128 + number)
            }
        }
    }

    /// Ctrl-Z (SIGTSTP): hands the terminal back as arena found it (the live columns withdrawn,
    /// echo and line editing on, the cursor shown), stops, and after `fg` (SIGCONT) puts the
    /// terminal's modes back as they were and redraws. The caller then treats it as a resize, so
    /// the line editor and the columns adapt to a terminal that may have changed meanwhile.
    private static func stopUntilContinued() {
        Renderers.suspendCurrent()
        var modes = termios()
        let haveModes = tcgetattr(STDIN_FILENO, &modes) == 0
        TerminalDevice.restoreInitialState()
        // The default action, now: stop the whole process. `raise` directs the signal at this
        // thread, so it stops before going on (a process-wide `kill` let it run on and redraw
        // before the stop took hold).
        raise(SIGSTOP)
        if haveModes { tcsetattr(STDIN_FILENO, TCSANOW, &modes) }
        Renderers.resumeCurrent()
    }

    /// Restores the terminal as it was when arena started (echo, line editing, a visible
    /// cursor) and exits with `status`, for an ending signal that cannot wait.
    public static func exitNow(status: Int32) -> Never {
        TerminalDevice.restoreInitialState()
        exit(status)
    }
}

/// The pipe's write end, read by the signal handler (a C function that cannot capture).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
nonisolated(unsafe) private var signalPipeReadEnd: Int32 = -1
