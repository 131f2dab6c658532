import Foundation
import Synchronization

/// `arena judge`: a judge model's verdict on every turn of recorded transcripts, written into
/// new transcripts (copies of the originals with the verdicts added; the originals are never
/// touched), many turns at once, resumable: a turn the output already holds a verdict for, from
/// the same judge, kind and template version, is not judged again.
public struct TranscriptJudging: Sendable {
    public let setup: ArenaSetup
    /// The judge model's name.
    public let judgeName: String
    public let kind: TranscriptEvent.JudgeKind
    /// Turns judged at once (each pairwise turn is two requests).
    public let concurrency: Int
    /// Where the judged transcripts go; `nil`: a `judged` folder beside the originals.
    public let outputDirectory: String?

    public init(setup: ArenaSetup, judgeName: String, kind: TranscriptEvent.JudgeKind, concurrency: Int, outputDirectory: String?) {
        self.setup = setup
        self.judgeName = judgeName
        self.kind = kind
        self.concurrency = concurrency
        self.outputDirectory = outputDirectory
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// Turns judged now, and their verdicts.
        public var verdicts: [TranscriptEvent.JudgeVerdict] = []
        /// Turns skipped because the output already held their verdict.
        public var alreadyJudged = 0
        /// Turns skipped because an answer was never recorded.
        public var unanswered = 0
        /// Turns where the judge was one of the two models compared (self-preference).
        public var selfJudged = 0
        /// One line per problem that did not stop the run (a file that did not load, a reply
        /// without a verdict), sanitised.
        public var problems: [String] = []
        /// One line per judged copy an earlier, interrupted run left broken and this one
        /// repaired (not a failure), sanitised.
        public var repairs: [String] = []
        /// The failure that stopped the run, if one did.
        public var failure: String?
        /// The folder the judged transcripts are in.
        public var outputDirectory = ""

        /// The warning to show when the judge judged its own answers.
        public var selfPreferenceWarning: String? {
            guard selfJudged > 0, let judge = verdicts.first?.judge else { return nil }
            return "warning: the judge \(TextSanitizer.sanitizeLine(judge)) is one of the two models compared in \(selfJudged) turn\(selfJudged == 1 ? "" : "s"); judges tend to prefer their own answers"
        }

        /// Whether the run should exit non-zero.
        public var failed: Bool { failure != nil || !problems.isEmpty }

        /// The closing lines: counts, the verdicts' tally, where they are.
        public var text: String {
            var line = "\(verdicts.count) turn\(verdicts.count == 1 ? "" : "s") judged"
            if alreadyJudged > 0 { line += ", \(alreadyJudged) already judged" }
            if unanswered > 0 { line += ", \(unanswered) without two finished answers" }
            if !problems.isEmpty { line += ", \(problems.count) problem\(problems.count == 1 ? "" : "s")" }
            var lines = [line + " → " + TextSanitizer.sanitizeLine(outputDirectory)]
            let pairwise = verdicts.filter { $0.kind == .pairwise }
            if !pairwise.isEmpty {
                let count = { (verdict: TranscriptEvent.Verdict) in pairwise.filter { $0.verdict == verdict }.count }
                let inconsistent = pairwise.filter { $0.consistent == false }.count
                lines.append("verdicts: A \(count(.a)), B \(count(.b)), tie \(count(.tie)) (\(inconsistent) inconsistent)")
            }
            let scores = verdicts.compactMap(\.scores).filter { $0.count == 2 }
            if !scores.isEmpty {
                let mean = { (index: Int) in scores.map { $0[index] }.reduce(0, +) / Double(scores.count) }
                lines.append(String(format: "mean score: A %.1f, B %.1f", mean(0), mean(1)))
            }
            return lines.joined(separator: "\n")
        }
    }

    /// One transcript to judge: where its judged copy is written, and its turns still to judge.
    private struct Job: Sendable {
        var writer: TranscriptWriter
        var fileName: String
        var turn: JudgedTurn
    }

    /// Judges every turn of the transcript (or directory of transcripts) at `path`;
    /// `progress` is called after each turn with how many are done of how many.
    public func run(path: String, progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) async throws(CommandError) -> Summary {
        let judge = try makeJudge()
        let (inputs, defaultOutput) = try Self.inputs(at: path)
        let output = outputDirectory ?? defaultOutput
        let standardized = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if inputs.contains(where: { standardized(($0 as NSString).deletingLastPathComponent) == standardized(output) }) {
            throw CommandError("judge: --output \(TextSanitizer.sanitizeLine(output)) is where the originals are; name another folder (originals are never modified)")
        }
        do {
            try TranscriptDirectory.createIfNeeded(output)
        } catch {
            throw CommandError("judge: \(TextSanitizer.sanitizeLine("\(error)"))")
        }
        var summary = Summary(outputDirectory: output)
        var jobs: [Job] = []
        var writers: [TranscriptWriter] = []
        for input in inputs {
            do {
                let prepared = try prepare(input, output: output, judge: judge, summary: &summary)
                writers.append(prepared.writer)
                jobs += prepared.jobs
            } catch {
                summary.problems.append(TextSanitizer.sanitizeLine("\(error)"))
            }
        }
        defer { for writer in writers { try? writer.close() } }
        progress(0, jobs.count)
        await runJobs(jobs, judge: judge, summary: &summary, progress: progress)
        return summary
    }

    private func makeJudge() throws(CommandError) -> Judge {
        guard let descriptor = setup.registry.descriptor(named: judgeName) else {
            throw CommandError("judge: " + ModelLookupError.unknownModel(name: judgeName, known: setup.registry.descriptors.map(\.name)).description)
        }
        do {
            let client = try setup.registry.client(named: descriptor.name)
            return Judge(name: descriptor.name, client: client, templates: setup.judgeTemplates)
        } catch {
            throw CommandError("judge: model '\(descriptor.name)' cannot be used: \(error)")
        }
    }

    /// The transcripts at `path` (a file, or the `.jsonl` files directly in a folder) and the
    /// default output folder (`judged` beside them).
    private static func inputs(at path: String) throws(CommandError) -> (files: [String], output: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError("judge: \(TextSanitizer.sanitizeLine(path)): no such file or directory")
        }
        guard isDirectory.boolValue else {
            let folder = (path as NSString).deletingLastPathComponent
            return ([path], ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("judged"))
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw CommandError("judge: cannot read \(TextSanitizer.sanitizeLine(path)): \(error.localizedDescription)")
        }
        let files = names.filter { $0.hasSuffix("." + TranscriptSchema.fileExtension) && !$0.hasPrefix(".") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
            .filter { FileKind.problemReading($0) == nil }
        return (files, (path as NSString).appendingPathComponent("judged"))
    }

    /// Opens (or starts, as a copy of the original; repairs, when an earlier run broke it) the
    /// judged transcript for `input` and lists its turns not yet judged.
    private func prepare(_ input: String, output: String, judge: Judge, summary: inout Summary) throws -> (writer: TranscriptWriter, jobs: [Job]) {
        let (records, _) = try TranscriptReader.records(path: input)
        let original = LoadedTranscript(file: input, records: records)
        let fileName = (input as NSString).lastPathComponent
        let target = (output as NSString).appendingPathComponent(fileName)
        let copy = try JudgedCopy.open(target, original: records)
        if let note = copy.repairNote { summary.repairs.append(note) }
        let writer = copy.writer
        var judged: Set<String> = []
        for verdict in copy.verdicts where verdict.judge == judge.name && verdict.kind == kind {
            judged.insert("\(verdict.turn) \(verdict.template)")
        }
        var jobs: [Job] = []
        var seen: Set<Int> = []
        for loaded in original.turns.reversed() where seen.insert(loaded.number).inserted {
            // A failed or interrupted answer is not judged: its side would lose for a network error.
            guard let a = loaded.answers.a, let b = loaded.answers.b, a.answer.status == .done, b.answer.status == .done else {
                summary.unanswered += 1
                continue
            }
            let reference = kind == .score ? JudgedTurn.mmluReference(letter: loaded.mmlu?.answer) : nil
            if judged.contains("\(loaded.number) \(judge.templateVersion(kind, withReference: reference != nil))") {
                summary.alreadyJudged += 1
                continue
            }
            let turn = JudgedTurn(
                number: loaded.number, question: loaded.prompt, answers: SidePair(a: a.answer.text, b: b.answer.text),
                models: SidePair(a: loaded.models.a.name, b: loaded.models.b.name),
                anonymous: loaded.votes.last?.anonymous ?? false, reference: reference)
            if [turn.models.a, turn.models.b].contains(judge.name) { summary.selfJudged += 1 }
            jobs.append(Job(writer: writer, fileName: fileName, turn: turn))
        }
        return (writer, jobs.reversed())
    }

    /// Judges the jobs, `concurrency` at a time, recording each verdict as it comes. A failing
    /// judge stops new turns from starting; those running finish and are recorded.
    private func runJobs(_ jobs: [Job], judge: Judge, summary: inout Summary, progress: @escaping @Sendable (Int, Int) -> Void) async {
        let kind = self.kind
        await withTaskGroup(of: (Job, Result<TranscriptEvent.JudgeVerdict, JudgeError>).self) { group in
            var next = 0
            var done = 0
            func startNext() {
                guard next < jobs.count, summary.failure == nil else { return }
                let job = jobs[next]
                next += 1
                group.addTask {
                    do throws(JudgeError) {
                        return (job, .success(try await judge.verdict(on: job.turn, kind: kind)))
                    } catch {
                        return (job, .failure(error))
                    }
                }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            for await (job, result) in group {
                done += 1
                switch result {
                case .success(let verdict):
                    do {
                        try job.writer.record(.judgeVerdict(verdict))
                        summary.verdicts.append(verdict)
                    } catch {
                        summary.failure = summary.failure ?? TextSanitizer.sanitizeLine("\(error)")
                    }
                case .failure(let error) where error.isRequestFailure:
                    summary.failure = summary.failure ?? "\(job.fileName) turn \(job.turn.number): \(error)"
                case .failure(let error):
                    summary.problems.append(TextSanitizer.sanitizeLine("\(job.fileName) turn \(job.turn.number): \(error)"))
                }
                progress(done, jobs.count)
                startNext()
            }
        }
    }
}
