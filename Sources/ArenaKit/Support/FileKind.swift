#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, following symbolic links: arena reads configuration, transcripts,
/// scripts and data only from regular files, and says what anything else is instead of
/// blocking on a FIFO or reading a device without end.
enum FileKind: Sendable, Hashable, CustomStringConvertible {
    case regular
    case directory
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case missing

    /// The kind of file at `path` (after following links).
    init(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .missing
        }
    }

    /// Why the file at `path` cannot be read as a document (a transcript, a script, a CSV, a
    /// models file): "no such file", "is a FIFO (named pipe), not a regular file", …; nil for a
    /// regular file. Reading a FIFO would block and a device such as `/dev/zero` never ends.
    static func problemReading(_ path: String) -> String? {
        switch FileKind(path: path) {
        case .regular: return nil
        case .missing: return "no such file"
        case .directory: return "is a directory"
        case let kind: return "is \(kind), not a regular file"
        }
    }

    /// "a directory", "a FIFO (named pipe)", … for messages.
    var description: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .missing: return "missing"
        }
    }
}
