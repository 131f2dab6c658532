import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files arena makes on request (`/save`, `/export`, `arena export`, the FastChat
/// export) the way transcripts are written: readable by the owner only (0600, since they hold
/// the same conversation), every failure reported.
///
/// A regular file (or a new one) is written to a temporary file beside it and renamed over it
/// when complete, so a failed write never leaves half a file. Anything else that already
/// exists (a terminal, `/dev/stdout`, a FIFO, `/dev/full`) is written in place, never replaced,
/// and an error such as "no space left on device" is reported rather than swallowed. A folder
/// that does not exist is an error, never created.
///
/// ```swift
/// let file = try PrivateFile(path: "battles.json")
/// try file.write("[")
/// try file.commit()
/// ```
public final class PrivateFile {
    /// Why a file could not be written, naming it.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The file as the person named it.
    public let path: String
    /// Where bytes go until ``commit()``: a temporary file beside `path`, or `path` itself.
    private let target: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 20

    /// Writes `text` to `path` in one go, replacing what was there.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let file = try PrivateFile(path: path)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Opens `path` for writing (see the type's rules).
    public init(path: String) throws(WriteError) {
        self.path = path
        switch FileKind(path: path) {
        case .regular, .missing:
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, FileKind(path: directory) != .directory {
                throw WriteError(path: path, reason: "the folder \(directory) does not exist")
            }
            // A name no one else picked, created afresh: a file or link placed there in
            // advance is never followed or truncated.
            target = path + ".arena-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-tmp"
            descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        case .directory:
            throw WriteError(path: path, reason: "it is a folder")
        case .fifo, .characterDevice, .blockDevice, .socket:
            target = path
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: Self.errorText(errno)) }
    }

    deinit {
        if descriptor >= 0 { discard() }
    }

    /// Appends `text` (buffered).
    public func write(_ text: String) throws(WriteError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes what is buffered, syncs a regular file, closes it and moves it into place.
    public func commit() throws(WriteError) {
        try flush()
        var failure: Int32 = 0
        if target != path, fsync(descriptor) != 0 { failure = errno }
        if systemClose(descriptor) != 0, failure == 0 { failure = errno }
        descriptor = -1
        if failure == 0, target != path, rename(target, path) != 0 { failure = errno }
        if failure != 0 {
            if target != path { unlink(target) }
            throw WriteError(path: path, reason: Self.errorText(failure))
        }
    }

    /// Abandons the file: a temporary file is removed, `path` left as it was.
    public func discard() {
        guard descriptor >= 0 else { return }
        _ = systemClose(descriptor)
        descriptor = -1
        if target != path { unlink(target) }
    }

    private func flush() throws(WriteError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result >= 0 {
                written += result
            } else if errno != EINTR {
                throw WriteError(path: path, reason: Self.errorText(errno))
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// `write(2)` and `close(2)`, named apart from ``PrivateFile``'s own methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
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
