#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A program arena runs for the person (their editor, a clipboard tool): found on `PATH` by
/// arena itself and started directly with `posix_spawn`, never through a shell. It stays in
/// arena's process group (so a terminal editor is in the foreground and owns the terminal),
/// with every signal unblocked and at its default action, and arena waits for it to end.
struct ExternalProgram {
    /// The program's full path.
    let executable: String
    let arguments: [String]

    /// The program called `name`: the first executable file of that name in the directories of
    /// `searchPath` (a `PATH` value), or `name` itself when it contains a slash. `nil` when
    /// there is none.
    static func find(_ name: String, searchPath: String?) -> ExternalProgram? {
        guard !name.isEmpty else { return nil }
        let candidates = name.contains("/") ? [name]
            : (searchPath ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: true).map { String($0) + "/" + name }
        return candidates.first(where: isExecutableFile).map { ExternalProgram(executable: $0, arguments: []) }
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The program with `arguments` after its name.
    func with(arguments: [String]) -> ExternalProgram {
        ExternalProgram(executable: executable, arguments: arguments)
    }

    /// Runs the program and waits for it; returns its exit status (128 + N when signal N
    /// ended it). `input`, when given, is its standard input (read from an unlinked temporary
    /// file, so a program that stops reading early costs nothing); otherwise it shares arena's
    /// standard streams. `quiet` sends its output to /dev/null. `ownProcessGroup` starts it in a
    /// process group of its own, out of reach of the terminal's Ctrl-C: for a clipboard tool
    /// whose background child (xclip's, wl-copy's) keeps the copied text after it returns.
    func run(input: String? = nil, quiet: Bool = false, ownProcessGroup: Bool = false, environment: [String: String]) throws(CommandError) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var inputFile: Int32 = -1
        defer { if inputFile >= 0 { close(inputFile) } }
        if let input {
            inputFile = try Self.unlinkedFile(holding: input, in: environment["TMPDIR"] ?? "/tmp")
            posix_spawn_file_actions_adddup2(&actions, inputFile, 0)
        }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaultActions = sigset_t()
        sigemptyset(&defaultActions)
        for number in [SIGINT, SIGQUIT, SIGTSTP, SIGWINCH, SIGPIPE, SIGTERM, SIGHUP] { sigaddset(&defaultActions, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaultActions)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard started == 0 else {
            throw CommandError("cannot start \(executable): \(String(cString: strerror(started)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw CommandError("lost track of \(executable): \(String(cString: strerror(errno)))") }
        }
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? (status >> 8) & 0xFF : 128 + signalNumber
    }

    /// A file descriptor, at offset 0, of a temporary file in `directory` holding `text`,
    /// whose name is already gone.
    private static func unlinkedFile(holding text: String, in directory: String) throws(CommandError) -> Int32 {
        var template = Array((directory + "/arena-input-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CommandError("cannot make a temporary file in \(directory): \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        do {
            try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
        } catch {
            close(fd)
            throw CommandError("cannot write a temporary file in \(directory): \(error.localizedDescription)")
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }
}
