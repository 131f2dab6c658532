import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Records a session as it happens: an append-only transcript file, one event per line.
///
/// Each `record` hands its whole line to the kernel in one `write`, so a `kill -9` never
/// loses a recorded event; `sync()` also makes it survive a power cut, and the REPL calls it
/// after every completed answer. Files are created with permissions 0600 (directories 0700)
/// and never overwritten. Safe to use from any thread.
public final class TranscriptWriter: Sendable {
    /// The transcript's path.
    public let path: String

    private struct State {
        var descriptor: Int32?
        let coder = TranscriptLineCoder()
    }

    private let state: Mutex<State>

    /// Creates a new transcript at `path`, with any missing directories. Fails when a file
    /// already exists there.
    public convenience init(creatingAt path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try TranscriptDirectory.createIfNeeded(directory)
        }
        switch Self.openNew(path) {
        case .opened(let descriptor): self.init(path: path, descriptor: descriptor)
        case .exists: throw TranscriptWriteError.cannotOpen(path: path, reason: systemErrorMessage(EEXIST))
        case .failed(let reason): throw TranscriptWriteError.cannotOpen(path: path, reason: reason)
        }
    }

    /// Opens the existing transcript at `path` to add events at its end (`arena judge`
    /// resuming its own output). Fails when there is no file there.
    public convenience init(appendingTo path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw TranscriptWriteError.cannotOpen(path: path, reason: systemErrorMessage()) }
        self.init(path: path, descriptor: descriptor)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.state = Mutex(State(descriptor: descriptor))
        Self.syncDirectory(of: path)
    }

    /// Creates a new transcript in `directory` (default: ``TranscriptDirectory/defaultPath(environment:)``)
    /// named after `startedAt`, picking another random suffix if the name is taken.
    public static func create(in directory: String = TranscriptDirectory.defaultPath(), startedAt: Date = Date()) throws -> TranscriptWriter {
        try TranscriptDirectory.createIfNeeded(directory)
        var path = ""
        for _ in 0..<100 {
            path = (directory as NSString).appendingPathComponent(TranscriptDirectory.fileName(startedAt: startedAt))
            switch openNew(path) {
            case .opened(let descriptor): return TranscriptWriter(path: path, descriptor: descriptor)
            case .exists: continue
            case .failed(let reason): throw TranscriptWriteError.cannotOpen(path: path, reason: reason)
            }
        }
        throw TranscriptWriteError.cannotOpen(path: path, reason: "every name tried was taken")
    }

    deinit {
        state.withLock { state in
            if let descriptor = state.descriptor {
                _ = closeDescriptor(descriptor)
            }
        }
    }

    /// Appends `event`, stamped with `time`.
    public func record(_ event: TranscriptEvent, at time: Date = Date()) throws {
        try record(TranscriptRecord(event: event, time: time))
    }

    /// Appends `record` as one line (its `line` is ignored).
    public func record(_ record: TranscriptRecord) throws {
        try state.withLock { state in
            guard let descriptor = state.descriptor else { throw TranscriptWriteError.closed(path: path) }
            let line: Data
            do {
                line = try state.coder.encodeLine(record)
            } catch {
                throw TranscriptWriteError.cannotEncode(path: path, eventType: record.event.typeName, reason: TranscriptLineCoder.describe(error))
            }
            try Self.writeAll(line, to: descriptor, path: path)
        }
    }

    /// Makes everything recorded so far durable (`fsync`).
    func sync() throws {
        try state.withLock { state in
            guard let descriptor = state.descriptor else { throw TranscriptWriteError.closed(path: path) }
            if fsync(descriptor) != 0 {
                throw TranscriptWriteError.cannotWrite(path: path, reason: systemErrorMessage())
            }
        }
    }

    /// Syncs and closes the file; later `record` calls fail. Closing twice does nothing.
    public func close() throws {
        try state.withLock { state in
            guard let descriptor = state.descriptor else { return }
            state.descriptor = nil
            let synced = fsync(descriptor) == 0
            let syncError = errno
            _ = closeDescriptor(descriptor)
            if !synced {
                throw TranscriptWriteError.cannotWrite(path: path, reason: systemErrorMessage(syncError))
            }
        }
    }

    /// Writes `records` as a complete transcript at `path` (for `/save`): written to a
    /// temporary file beside it, synced, then renamed over `path`, so `path` is never half
    /// written. The file gets permissions 0600.
    public static func save(_ records: [TranscriptRecord], to path: String) throws {
        // Written as every file arena makes on request: 0600, into an existing folder (a missing
        // one is reported, never created), a device or FIFO written in place, never replaced.
        let coder = TranscriptLineCoder()
        let file = try PrivateFile(path: path)
        do {
            for record in records {
                let line: Data
                do {
                    line = try coder.encodeLine(record)
                } catch {
                    throw TranscriptWriteError.cannotEncode(path: path, eventType: record.event.typeName, reason: TranscriptLineCoder.describe(error))
                }
                try file.write(String(decoding: line, as: UTF8.self))
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        syncDirectory(of: path)
    }

    private enum OpenOutcome {
        case opened(Int32)
        case exists
        case failed(String)
    }

    private static func openNew(_ path: String) -> OpenOutcome {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            return errno == EEXIST ? .exists : .failed(systemErrorMessage())
        }
        // The umask can only take permissions away, but make sure of exactly 0600.
        _ = fchmod(descriptor, 0o600)
        return .opened(descriptor)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw TranscriptWriteError.cannotWrite(path: path, reason: systemErrorMessage())
                }
                offset += written
            }
        }
    }

    /// Syncs the directory holding `path`, so a new file's name survives a power cut too.
    private static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = closeDescriptor(descriptor)
    }
}

/// `close(2)`, named apart from the writer's own `close()`.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #elseif canImport(Musl)
    return Musl.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
