import Foundation

/// A file written in pieces: a temporary file beside the destination, renamed over it once
/// complete, so a failed export never leaves half a file under the real name.
final class ExportFile {
    let handle: FileHandle
    private let path: String
    private let temporaryPath: String

    init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier).partial"
        temporaryPath = directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
        // Owner-only, like transcripts and the other exports (PrivateFile): it holds the same conversations.
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw CLIFailure("cannot write \(path): cannot create \(temporaryPath)")
        }
        self.handle = handle
    }

    /// Closes the file and moves it to its destination.
    func commit() throws {
        try handle.close()
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw CLIFailure("cannot write \(path): \(reason)")
        }
    }

    /// Removes the temporary file.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}

/// Collects text and writes it to a file handle in large blocks.
final class BufferedSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let blockSize = 1 << 20

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(blockSize)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= blockSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
