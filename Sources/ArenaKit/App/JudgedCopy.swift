import Foundation

/// The judged copy of one transcript that `arena judge` writes its verdicts into: started as a
/// copy of the original, or reopened to resume, and repaired when an earlier run was stopped
/// while writing it.
///
/// A run killed mid-write leaves the copy's last line cut off (or without its line break), or
/// the copy short of the original's lines. Appending after that would glue the next verdict
/// to the broken line and leave a file that no longer loads; instead the copy is rewritten
/// (atomically) from the original plus every verdict that was written whole, and the run goes
/// on from there.
struct JudgedCopy {
    /// Where verdicts are appended.
    let writer: TranscriptWriter
    /// The verdicts the copy already holds.
    let verdicts: [TranscriptEvent.JudgeVerdict]
    /// One line saying the copy was repaired and why, when it was.
    let repairNote: String?

    /// Opens the copy at `path` of the transcript whose records are `original`, creating it
    /// when there is none.
    static func open(_ path: String, original: [TranscriptRecord]) throws -> JudgedCopy {
        guard FileManager.default.fileExists(atPath: path) else {
            let writer = try TranscriptWriter(creatingAt: path)
            for record in original { try writer.record(record) }
            return JudgedCopy(writer: writer, verdicts: [], repairNote: nil)
        }
        let data = try TranscriptReader.readFile(path)
        let (records, _) = try TranscriptReader.records(data: data, file: path)
        let verdictRecords = records.filter { if case .judgeVerdict = $0.event { return true } else { return false } }
        let verdicts = verdictRecords.compactMap { record -> TranscriptEvent.JudgeVerdict? in
            if case .judgeVerdict(let verdict) = record.event { return verdict } else { return nil }
        }
        guard let problem = problem(in: data, copied: records.count - verdictRecords.count, of: original.count) else {
            return JudgedCopy(writer: try TranscriptWriter(appendingTo: path), verdicts: verdicts, repairNote: nil)
        }
        try TranscriptWriter.save(original + verdictRecords, to: path)
        let note = "\(TextSanitizer.sanitizeLine(path)):\(problem); rewritten from the original and the \(verdicts.count) verdict\(verdicts.count == 1 ? "" : "s") written whole"
        return JudgedCopy(writer: try TranscriptWriter(appendingTo: path), verdicts: verdicts, repairNote: note)
    }

    /// What is wrong with a copy whose bytes are `data` and that holds `copied` of the
    /// original's `total` lines (besides its verdicts), as the end of `file:` + this: the line
    /// and the problem. `nil` when it is whole.
    private static func problem(in data: Data, copied: Int, of total: Int) -> String? {
        if let last = data.last, last != UInt8(ascii: "\n") {
            let line = data.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            return "\(line): the last line is cut off (an earlier run was stopped while writing it)"
        }
        if copied < total {
            let lines = data.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            return "\(lines + 1): the copy ends after \(copied) of the original's \(total) lines (an earlier run was stopped while copying it)"
        }
        return nil
    }
}
