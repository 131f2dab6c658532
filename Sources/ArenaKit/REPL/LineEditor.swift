import CLibEdit
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The interactive line editor, built on libedit: emacs keys, reverse search (Ctrl-R), history
/// kept across runs, tab completion, and bracketed paste (a pasted block of several lines
/// arrives as one entry).
///
/// libedit calls back into plain C functions, so the editor's state for those callbacks lives
/// in one process-wide context; there is only ever one editor.
public final class LineEditor: LineReader, @unchecked Sendable {
    /// Offers completions for the text before the cursor: the candidates for its last word.
    public typealias Completer = @Sendable (_ textBeforeCursor: String) -> [String]

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private let lock = NSLock()
    private var prefill: String?

    /// Creates the editor. `historyPath` is where history is loaded from and saved to.
    public init?(historyPath: String?, completer: @escaping Completer) {
        LineEditor.useUTF8Characters()
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
              let errors = fdopen(STDERR_FILENO, "w"),
              let editLine = el_init("arena", input, output, errors),
              let history = history_init()
        else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        editorContext.withLock { $0.completer = completer }

        arena_history_set_size(history, 2000)
        arena_history_set_unique(history, 1)
        if let historyPath {
            LineEditor.prepareDirectory(for: historyPath)
            arena_history_load(history, historyPath)
        }
        arena_el_set_editor(editLine, "emacs")
        arena_el_set_signal(editLine, 0)
        arena_el_set_history(editLine, history)
        arena_el_set_prompt(editLine, { _ in editorPrompt })
        arena_el_set_getc(editLine, { _, character in LineEditor.readCharacter(into: character) })
        arena_el_add_function(editLine, "arena-complete", "Complete commands, models and arguments", { editLine, _ in
            LineEditor.complete(editLine)
        })
        arena_el_add_function(editLine, "arena-paste", "Bracketed paste", { editLine, _ in
            LineEditor.paste(editLine)
        })
        arena_el_bind(editLine, "^I", "arena-complete")
        arena_el_bind(editLine, "\\e[200~", "arena-paste")
        arena_el_bind(editLine, "^R", "em-inc-search-prev")
        arena_el_bind(editLine, "^S", "em-inc-search-next")
        arena_el_bind(editLine, "^W", "ed-delete-prev-word")
        arena_el_bind(editLine, "\\e[1;5D", "ed-prev-word")
        arena_el_bind(editLine, "\\e[1;5C", "em-next-word")
        arena_el_bind(editLine, "\\e[3~", "ed-delete-next-char")
        arena_el_bind(editLine, "\\e[H", "ed-move-to-beg")
        arena_el_bind(editLine, "\\e[F", "ed-move-to-end")
        el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    /// Abandons the line being edited, as Ctrl-C does (called from the signal thread).
    public func interrupt() {
        var byte: UInt8 = 1
        _ = write(editorInterruptPipe.writeEnd, &byte, 1)
    }

    /// Notes that the terminal was resized; the editor adapts before reading the next key.
    public func noteResize() {
        editorContext.withLock { $0.resized = true }
        var byte: UInt8 = 2
        _ = write(editorInterruptPipe.writeEnd, &byte, 1)
    }

    /// Shows `text` above the prompt. While a line is being edited, the key reader (on the
    /// editing thread, between keys) clears the prompt line, prints the text and has libedit
    /// redraw the prompt and the line as typed; otherwise the text waits for the next prompt,
    /// so it never lands in the middle of streaming columns.
    public func showAbovePrompt(_ text: String) -> Bool {
        let editing = editorContext.withLock { context in
            context.notices.append(text)
            return context.editing
        }
        if editing {
            var byte: UInt8 = 3
            _ = write(editorInterruptPipe.writeEnd, &byte, 1)
        }
        return true
    }

    public func flushWaitingNotices() {
        printWaitingNotices(thenEditing: false)
    }

    /// Prints the notices kept for the next prompt; atomically notes whether a line is being
    /// edited from now on, so a notice arriving meanwhile is neither lost nor printed twice.
    private func printWaitingNotices(thenEditing editing: Bool) {
        let waiting = editorContext.withLock { context in
            context.editing = editing
            defer { context.notices = [] }
            return context.notices
        }
        let width = TerminalDevice.size(of: STDOUT_FILENO)?.columns
        for notice in waiting { TerminalDevice.write(LineEditor.terminalLines(WordWrap.fitted(notice, width: width)), to: STDOUT_FILENO) }
    }

    public func readLine(prompt: String) async -> InputLine {
        await StandardInputReader.onOwnThread { [self] in
            lock.lock()
            defer { lock.unlock() }
            return readLineNow(prompt: prompt)
        }
    }

    public func prefillNextLine(_ text: String) -> Bool {
        lock.lock()
        prefill = text
        lock.unlock()
        return true
    }

    private func readLineNow(prompt: String) -> InputLine {
        LineEditor.setPrompt(prompt)
        if let text = prefill {
            prefill = nil
            el_push(editLine, text)
        }
        editorContext.withLock {
            $0.interrupted = false
            $0.pasted = nil
            $0.editLine = editLine
        }
        printWaitingNotices(thenEditing: true)
        TerminalDevice.write("\u{1B}[?2004h", to: STDOUT_FILENO)
        LineEditor.leaveCanonicalMode()
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        editorContext.withLock { $0.editing = false }
        TerminalDevice.write("\u{1B}[?2004l", to: STDOUT_FILENO)
        let (interrupted, pasted) = editorContext.withLock { ($0.interrupted, $0.pasted) }
        if interrupted {
            TerminalDevice.write("^C\r\n", to: STDOUT_FILENO)
            el_reset(editLine)
            return .interrupted
        }
        var text = line.map { String(cString: $0) } ?? ""
        if text.hasSuffix("\n") { text.removeLast() }
        if let pasted {
            TerminalDevice.write("\r\n", to: STDOUT_FILENO)
            return .text(text + pasted)
        }
        guard line != nil, count > 0 else {
            TerminalDevice.write("\r\n", to: STDOUT_FILENO)
            return .endOfInput
        }
        return .text(text)
    }

    public func addToHistory(_ entry: String) {
        lock.lock()
        defer { lock.unlock() }
        arena_history_enter(history, entry)
        if let historyPath {
            arena_history_save(history, historyPath)
            chmod(historyPath, 0o600)
        }
    }

    /// Turns off line buffering and echo before libedit draws the prompt, so that keys typed
    /// the moment the prompt appears (Ctrl-R, Ctrl-W…) reach the editor instead of being taken
    /// by the terminal's own line discipline. libedit restores the cooked mode it knows when
    /// the line is done.
    private static func leaveCanonicalMode() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        mode.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }

    /// `text` as terminal lines: CR LF endings, so it stays aligned whatever the terminal mode.
    private static func terminalLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") + "\r\n"
    }

    private static func prepareDirectory(for path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// libedit edits wide characters and turns the line back into bytes with the C library's
    /// character locale. A program starts in the "C" locale, where everything beyond ASCII
    /// would be dropped from what is typed: take the environment's locale, and UTF-8 when that
    /// is not UTF-8 (arena reads and writes UTF-8 whatever the locale says).
    private static func useUTF8Characters() {
        if setlocale(LC_CTYPE, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    // MARK: Callbacks (run on the editing thread, inside el_gets)

    private static func setPrompt(_ prompt: String) {
        free(editorPrompt)
        editorPrompt = strdup(prompt)
    }

    /// Reads one key for libedit: waits on standard input and on the interrupt pipe, decodes
    /// UTF-8. Returns 1 with a character, 0 at end of input or on Ctrl-C.
    static func readCharacter(into character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
        guard let first = readByte(allowInterrupt: true) else { return 0 }
        var scalarValue = UInt32(first)
        let extra: Int
        switch first {
        case 0..<0x80: extra = 0
        case 0xC0..<0xE0: extra = 1; scalarValue &= 0x1F
        case 0xE0..<0xF0: extra = 2; scalarValue &= 0x0F
        case 0xF0..<0xF8: extra = 3; scalarValue &= 0x07
        default: extra = 0; scalarValue = 0xFFFD
        }
        for _ in 0..<extra {
            guard let next = readByte(allowInterrupt: false) else { return 0 }
            scalarValue = (scalarValue << 6) | UInt32(next & 0x3F)
        }
        character?.pointee = wchar_t(bitPattern: Unicode.Scalar(scalarValue).map { $0.value } ?? 0xFFFD)
        return 1
    }

    /// One byte of standard input, or `nil` at its end or (when allowed) on Ctrl-C.
    private static func readByte(allowInterrupt: Bool) -> UInt8? {
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: editorInterruptPipe.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var signal: UInt8 = 0
                _ = read(editorInterruptPipe.readEnd, &signal, 1)
                if signal == 3 {
                    let (notices, editLine) = editorContext.withLock { context in
                        defer { context.notices = [] }
                        return (context.notices, context.editLine)
                    }
                    guard !notices.isEmpty, let editLine else { continue }
                    TerminalDevice.write("\r\u{1B}[K" + notices.map(terminalLines).joined(), to: STDOUT_FILENO)
                    arena_el_refresh(editLine)
                    continue
                }
                if signal == 2 {
                    let (resized, editLine) = editorContext.withLock { context in
                        defer { context.resized = false }
                        return (context.resized, context.editLine)
                    }
                    if resized, let editLine { el_resize(editLine) }
                    continue
                }
                if allowInterrupt {
                    editorContext.withLock { $0.interrupted = true }
                    return nil
                }
                continue
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var byte: UInt8 = 0
                let count = read(STDIN_FILENO, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                return count == 1 ? byte : nil
            }
        }
    }

    private static func complete(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine, let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = UnsafeRawBufferPointer(start: info.buffer, count: length)
        let text = String(decoding: before, as: UTF8.self)
        let completer = editorContext.withLock { $0.completer }
        let candidates = completer?(text) ?? []
        let word = String(text.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            el_insertstr(editLine, String(candidates[0].dropFirst(word.count)) + (candidates[0].hasSuffix("/") ? "" : " "))
            return UInt8(CC_REFRESH)
        }
        let common = Completion.commonPrefix(of: candidates)
        if common.count > word.count {
            el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        let listing = Completion.columns(candidates, width: TerminalDevice.size()?.columns ?? 80)
        TerminalDevice.write("\r\n" + listing, to: STDOUT_FILENO)
        return UInt8(CC_REDISPLAY)
    }

    /// Reads a bracketed paste up to its end marker. One line is inserted for editing; several
    /// lines end the entry and arrive together as one message.
    private static func paste(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine else { return UInt8(CC_ERROR) }
        let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)
        var bytes: [UInt8] = []
        while let byte = readByte(allowInterrupt: false) {
            bytes.append(byte)
            if bytes.count >= endMarker.count && Array(bytes.suffix(endMarker.count)) == endMarker {
                bytes.removeLast(endMarker.count)
                break
            }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        if !text.contains("\n") {
            el_insertstr(editLine, text)
            return UInt8(CC_REFRESH)
        }
        editorContext.withLock { $0.pasted = text }
        TerminalDevice.write(
            "\r\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { "… " + TextSanitizer.sanitizeLine(String($0)) }.joined(separator: "\r\n"),
            to: STDOUT_FILENO)
        return UInt8(CC_NEWLINE)
    }
}

/// The editor's state shared with libedit's C callbacks.
private struct EditorContext: @unchecked Sendable {
    var completer: LineEditor.Completer?
    var interrupted = false
    var resized = false
    var pasted: String?
    var editLine: OpaquePointer?
    /// True while `el_gets` runs (a prompt is shown).
    var editing = false
    /// Texts to show above the prompt.
    var notices: [String] = []
}

private let editorContext = Mutex(EditorContext())
nonisolated(unsafe) private var editorPrompt: UnsafeMutablePointer<CChar>? = strdup("> ")

/// A pipe that wakes the editor's key reader for Ctrl-C or a resize.
private let editorInterruptPipe: (readEnd: Int32, writeEnd: Int32) = {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    // Not inherited by the programs arena starts (an editor, a clipboard tool).
    for fd in fds where fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
}()
