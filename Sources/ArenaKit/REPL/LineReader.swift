import Foundation

/// What reading one line of input gave.
public enum InputLine: Sendable, Hashable {
    /// A line, without its line ending. May contain newlines (a multi-line paste, or a
    /// multi-line entry recalled from history).
    case text(String)
    /// Ctrl-C at the prompt: the line typed so far is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Where the REPL's lines come from: the line editor on a terminal, plain standard input
/// otherwise, or a list of lines in tests. The seam that lets the REPL run without a terminal.
public protocol LineReader: AnyObject, Sendable {
    /// Reads one line, showing `prompt` when there is a person to show it to.
    func readLine(prompt: String) async -> InputLine
    /// Remembers a complete entry in the history, when the reader keeps one.
    func addToHistory(_ entry: String)
    /// Offers `text` as the start of the next line, ready to edit or send. Returns false when
    /// the reader cannot (piped input), so the caller can show the text instead.
    func prefillNextLine(_ text: String) -> Bool
    /// Shows `text` (already made safe) above the line being edited, from any thread, when the
    /// reader draws a prompt; returns false when it does not (the caller prints it instead).
    func showAbovePrompt(_ text: String) -> Bool
    /// Prints what ``showAbovePrompt(_:)`` kept for the next prompt, when no prompt will come.
    func flushWaitingNotices()
}

extension LineReader {
    public func prefillNextLine(_ text: String) -> Bool { false }
    public func showAbovePrompt(_ text: String) -> Bool { false }
    public func flushWaitingNotices() {}
}

/// Reads lines from standard input when it is not a terminal (a pipe or a file): no prompt,
/// no editing, no history.
public final class StandardInputReader: LineReader, Sendable {
    public init() {}

    public func readLine(prompt: String) async -> InputLine {
        await Self.onOwnThread {
            guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
            return .text(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        }
    }

    public func addToHistory(_ entry: String) {}

    /// Runs a blocking call on a thread of its own, so it never holds up the concurrency pool.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: body())
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
