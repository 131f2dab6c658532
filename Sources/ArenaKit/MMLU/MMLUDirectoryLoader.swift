import Foundation
import Synchronization

/// Reads every `<subject>_<split>.csv` below a data directory laid out as the MMLU release's
/// `data/` folder (`dev/`, `val/`, `test/`). Files are shared out among one worker per core;
/// each worker reads its files into one reused buffer and parses the bytes directly.
enum MMLUDirectoryLoader {
    /// One CSV file to read.
    struct FileJob: Sendable {
        var path: String
        var subject: MMLUSubject
        var split: MMLUSplit
        var size: Int
    }

    /// Loads a bank from `dataDirectory` (the folder holding `dev/`, `val/`, `test/`).
    /// Splits whose folder is missing are skipped; files not named `<subject>_<split>.csv` are ignored.
    public static func loadBank(dataDirectory: String) throws(MMLUDataError) -> MMLUQuestionBank {
        let questions = try loadQuestions(dataDirectory: dataDirectory)
        return MMLUQuestionBank(source: .directory(dataDirectory), orderedQuestions: questions)
    }

    /// Loads every question below `dataDirectory`, ordered by subject, split and position.
    /// When several files are malformed, the error of the first in that order is thrown.
    public static func loadQuestions(dataDirectory: String) throws(MMLUDataError) -> [MMLUQuestion] {
        let jobs = try fileJobs(dataDirectory: dataDirectory)
        guard !jobs.isEmpty else {
            throw .noQuestionFiles(directory: dataDirectory)
        }
        let groups = partition(jobs.indices.map { $0 }, sizes: jobs.map(\.size),
                               into: max(1, min(ProcessInfo.processInfo.activeProcessorCount, jobs.count)))
        let results = Mutex<[Int: Result<[MMLUQuestion], MMLUDataError>]>([:])
        DispatchQueue.concurrentPerform(iterations: groups.count) { group in
            var buffer = MMLUReadBuffer(capacity: groups[group].map { jobs[$0].size }.max() ?? 0)
            defer { buffer.deallocate() }
            for jobIndex in groups[group] {
                let job = jobs[jobIndex]
                let result = Result { () throws(MMLUDataError) -> [MMLUQuestion] in
                    let bytes = try buffer.read(path: job.path)
                    return try MMLUFileParser.questions(in: bytes, file: job.path, subject: job.subject, split: job.split)
                }
                results.withLock { $0[jobIndex] = result }
            }
        }
        var collected = results.withLock { results in
            defer { results = [:] }
            return results
        }
        var questions: [MMLUQuestion] = []
        questions.reserveCapacity(collected.values.reduce(0) { $0 + ((try? $1.get())?.count ?? 0) })
        for index in jobs.indices {
            questions += try collected.removeValue(forKey: index)!.get()
        }
        return questions
    }

    /// The CSV files to read, sorted by subject and then split (the bank's order).
    static func fileJobs(dataDirectory: String) throws(MMLUDataError) -> [FileJob] {
        var jobs: [FileJob] = []
        let fileManager = FileManager.default
        for split in MMLUSplit.allCases {
            let splitDirectory = (dataDirectory as NSString).appendingPathComponent(split.rawValue)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: splitDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let names: [String]
            do {
                names = try fileManager.contentsOfDirectory(atPath: splitDirectory)
            } catch {
                throw .unreadable(path: splitDirectory, reason: error.localizedDescription)
            }
            let suffix = "_\(split.rawValue).csv"
            for name in names where name.hasSuffix(suffix) && name.count > suffix.count {
                let path = (splitDirectory as NSString).appendingPathComponent(name)
                jobs.append(FileJob(
                    path: path,
                    subject: MMLUSubject(String(name.dropLast(suffix.count))),
                    split: split,
                    size: fileSize(path)
                ))
            }
        }
        return jobs.sorted { lhs, rhs in
            lhs.subject.name != rhs.subject.name ? lhs.subject.name < rhs.subject.name : lhs.split < rhs.split
        }
    }

    /// Shares out jobs among `count` groups of about equal total size (largest first, each to
    /// the group with the least so far).
    static func partition(_ jobs: [Int], sizes: [Int], into count: Int) -> [[Int]] {
        var groups = Array(repeating: [Int](), count: count)
        var totals = Array(repeating: 0, count: count)
        for job in jobs.sorted(by: { sizes[$0] > sizes[$1] }) {
            let lightest = totals.indices.min { totals[$0] < totals[$1] }!
            groups[lightest].append(job)
            totals[lightest] += sizes[job]
        }
        return groups.filter { !$0.isEmpty }
    }

    private static func fileSize(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }
}

/// A byte buffer reused for reading one file after another with plain POSIX calls.
struct MMLUReadBuffer {
    /// The largest CSV file read (the release's largest is under 1 MiB).
    static let fileLimit = 64 << 20

    private var storage: UnsafeMutableRawBufferPointer

    init(capacity: Int) {
        storage = .allocate(byteCount: max(capacity, 0) + 1, alignment: 16)
    }

    mutating func deallocate() {
        storage.deallocate()
    }

    /// Reads the whole file at `path`; the bytes stay valid until the next read.
    mutating func read(path: String) throws(MMLUDataError) -> UnsafeBufferPointer<UInt8> {
        if let problem = FileKind.problemReading(path) {
            throw .unreadable(path: path, reason: problem)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var filled = 0
        while true {
            if filled == storage.count {
                // The file is larger than expected (it grew, or stat failed): make room.
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
                larger.copyMemory(from: UnsafeRawBufferPointer(storage))
                storage.deallocate()
                storage = larger
            }
            let count = Foundation.read(descriptor, storage.baseAddress! + filled, storage.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
            if filled > Self.fileLimit {
                throw .unreadable(path: path, reason: "larger than \(Self.fileLimit >> 20) MiB, which no MMLU file is")
            }
        }
        return UnsafeBufferPointer(start: storage.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
    }
}
