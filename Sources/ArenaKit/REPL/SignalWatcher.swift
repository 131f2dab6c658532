#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Turns SIGINT (Ctrl-C) and SIGWINCH (terminal resized) into calls on ordinary threads.
///
/// The signal handlers only write one byte to a pipe (all a signal handler may safely do); a
/// thread reads the pipe and calls whichever handler the REPL has installed for the moment:
/// cancelling the running turn, abandoning the line being edited, re-laying out the columns.
public final class SignalWatcher: Sendable {
    public enum Event: Sendable {
        case interrupt
        case resize
    }

    /// The watcher for this process, created on first use.
    public static let shared = SignalWatcher()

    private let handler = Mutex<(@Sendable (Event) -> Void)?>(nil)

    private init() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        signalPipeReadEnd = fds[0]
        signalPipeWriteEnd = fds[1]
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        install(SIGINT)
        install(SIGWINCH)
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
            var byte: UInt8 = number == SIGINT ? 1 : 2
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        #else
        action.__sigaction_u.__sa_handler = { number in
            var byte: UInt8 = number == SIGINT ? 1 : 2
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
            let event: Event = byte == 1 ? .interrupt : .resize
            let current = handler.withLock { $0 }
            current?(event)
        }
    }
}

/// The pipe's write end, read by the signal handler (a C function that cannot capture).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
nonisolated(unsafe) private var signalPipeReadEnd: Int32 = -1
