import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes exports (Markdown, HTML, FastChat battles) the way transcripts are written: readable
/// by the owner only (0600, since they hold the same conversation), every failure reported.
///
/// A regular file (or a new one) is written to a temporary file beside it and renamed over
/// it, so a failed write never leaves half a file. Anything else that already exists (a
/// terminal, `/dev/stdout`, a FIFO, `/dev/full`) is written in place, and an error such as
/// "no space left" is reported rather than swallowed. A folder that does not exist is an
/// error, never created.
public enum PrivateFile {
    /// Why a file could not be written, naming it.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `text` to `path`, replacing what was there.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let kind = FileKind(path: path)
        switch kind {
        case .regular, .missing:
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, FileKind(path: directory) != .directory {
                throw WriteError(path: path, reason: "the folder \(directory) does not exist")
            }
            let temporary = path + ".arena-\(getpid())-tmp"
            do {
                try writeAll(text, to: temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, shown: path)
            } catch {
                unlink(temporary)
                throw error
            }
            guard rename(temporary, path) == 0 else {
                let reason = errorText(errno)
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
        case .directory:
            throw WriteError(path: path, reason: "it is a folder")
        case .fifo, .characterDevice, .blockDevice, .socket:
            try writeAll(text, to: path, flags: O_WRONLY | O_CLOEXEC, shown: path)
        }
    }

    /// Writes all of `text` to `path` (opened with `flags`), naming `shown` in errors.
    private static func writeAll(_ text: String, to path: String, flags: Int32, shown: String) throws(WriteError) {
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: shown, reason: errorText(errno)) }
        var failure: Int32 = 0
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count, failure == 0 {
            let result = bytes.withUnsafeMutableBytes { systemWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result >= 0 {
                written += result
            } else if errno != EINTR {
                failure = errno
            }
        }
        bytes.removeAll()
        if failure == 0, FileKind(path: path) == .regular, fsync(descriptor) != 0 { failure = errno }
        if systemClose(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw WriteError(path: shown, reason: errorText(failure)) }
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// `write(2)` and `close(2)`, named apart from ``PrivateFile/write(_:to:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
    #else
    return Darwin.write(descriptor, bytes, count)
    #endif
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
