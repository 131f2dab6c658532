/// The read-eval loop: reads lines, gathers `"""` blocks, parses commands and runs them on a
/// session, until `/quit` or the end of input.
///
/// On a terminal, a bad line gets one message and the loop carries on. When input is piped,
/// each problem is reported with its line number (`stdin:3: …`), the rest still runs, and the
/// exit status is 1 if anything went wrong.
public final class REPL {
    private let session: ArenaSession
    private let reader: any LineReader
    private let sourceName: String
    private let interactive: Bool
    /// Whether a typed message stays in view on the prompt line: typed at a terminal whose
    /// output is the same screen (not redirected to a file), so its turn need not repeat it.
    private let messagesStayOnScreen: Bool
    private var lineNumber = 0
    private var failures = 0

    /// A loop reading from `reader`; `sourceName` names the input in messages ("stdin").
    public init(session: ArenaSession, reader: any LineReader, sourceName: String, interactive: Bool) {
        self.session = session
        self.reader = reader
        self.sourceName = sourceName
        self.interactive = interactive
        messagesStayOnScreen = interactive && TerminalDevice.isTerminal(1)
        let console = session.console
        session.showJudgeVerdicts { [reader] text in
            if !reader.showAbovePrompt(text) { console.print(text) }
        }
    }

    /// The prompt shown before each line.
    public static let prompt = "arena> "
    /// The prompt shown inside a `"""` block.
    public static let continuationPrompt = "  ... "

    /// Runs until the end; returns the process exit status.
    public func run() async -> Int32 {
        while true {
            let input = await reader.readLine(prompt: Self.prompt)
            guard case .text(let rawLine) = input else {
                if input == .endOfInput { break }
                continue
            }
            lineNumber += 1
            let startLine = lineNumber
            let entry = rawLine
            if rawLine.trimmingSpaces == "\"\"\"" {
                guard let block = await readBlock() else { continue }
                reader.addToHistory("\"\"\"\n" + block + "\n\"\"\"")
                if !(await runMessage(block)) { break }
                continue
            }
            if entry.trimmingSpaces.isEmpty { continue }
            reader.addToHistory(entry)
            let command: Command
            if entry.contains("\n") && !entry.hasPrefix("/") {
                command = .message(entry)
            } else {
                do {
                    command = try CommandParser.parse(entry.trimmingSpaces)
                } catch {
                    report(error.description, line: startLine)
                    continue
                }
            }
            do {
                if case .message = command { session.messageIsOnPromptLine = messagesStayOnScreen }
                defer { session.messageIsOnPromptLine = false }
                if !(try await session.execute(command)) { break }
            } catch {
                report(error.description, line: startLine)
            }
            if let text = session.takeLineToEdit(), !reader.prefillNextLine(text) {
                session.console.print(text)
            }
        }
        // No prompt will come: what waited for one is printed now, and verdicts still on their
        // way as they arrive.
        reader.flushWaitingNotices()
        let console = session.console
        session.showJudgeVerdicts { text in console.print(text) }
        await session.waitForPendingJudgements()
        return failures == 0 ? 0 : 1
    }

    private func runMessage(_ text: String) async -> Bool {
        session.messageIsOnPromptLine = messagesStayOnScreen
        defer { session.messageIsOnPromptLine = false }
        do {
            return try await session.execute(.message(text))
        } catch {
            report(error.description, line: lineNumber)
            return true
        }
    }

    /// Reads the lines of a `"""` block up to its closing `"""`. Ctrl-C abandons the block.
    private func readBlock() async -> String? {
        let opening = lineNumber
        var lines: [String] = []
        while true {
            let input = await reader.readLine(prompt: Self.continuationPrompt)
            switch input {
            case .text(let line):
                lineNumber += 1
                if line.trimmingSpaces == "\"\"\"" { return lines.joined(separator: "\n") }
                lines.append(line)
            case .interrupted:
                return nil
            case .endOfInput:
                report("the \"\"\" block opened here was never closed; it was not sent", line: opening)
                return nil
            }
        }
    }

    private func report(_ message: String, line: Int) {
        if interactive {
            session.console.error(message)
        } else {
            failures += 1
            session.console.error("\(sourceName):\(line): \(message)")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
