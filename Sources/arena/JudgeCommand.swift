import ArenaKit
import ArgumentParser
import Foundation
import Synchronization

/// `arena judge FILE|DIR --judge MODEL`: a judge model's verdict on every recorded turn.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Have a judge model compare (or --score) the answers of recorded transcripts.",
        usage: "arena judge <file-or-dir> [--judge <model>] [<options>]",
        discussion: """
            Each turn is judged twice, with A's answer shown first and then B's (MT-Bench's pairwise \
            method): the same verdict both times counts, a disagreement is 'inconsistent' and counts as a \
            tie. The verdicts go into copies of the transcripts (default: a 'judged' folder beside them); \
            the originals are never modified. A re-run skips turns already judged by that judge and \
            template, so an interrupted run resumes. See docs/ratings.md.
            """
    )

    @Argument(help: ArgumentHelp("A transcript, or a directory of them.", valueName: "file-or-dir"), completion: .file(extensions: ["jsonl"]))
    var path: String

    @Option(name: .long, help: ArgumentHelp("The judge model (default: ARENA_JUDGE, else 'judge:' in the models file).", valueName: "model"), completion: .custom(ModelNameCompletion.candidates))
    var judge: String?

    @Option(name: .long, help: ArgumentHelp("Turns judged at once.", valueName: "n"))
    var concurrency = 4

    @Flag(name: .long, help: "Rate each answer 1-10 instead (reference-guided for MMLU questions).")
    var score = false

    @Option(name: .long, help: ArgumentHelp("Where the judged transcripts go (default: a 'judged' folder beside the originals).", valueName: "dir"), completion: .directory)
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The models file (default: ARENA_CONFIG, else ~/.config/arena/models.yaml).", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    func validate() throws {
        if !(1...64).contains(concurrency) { throw ValidationError("--concurrency: expected 1 to 64, got \(concurrency)") }
    }

    func run() async throws {
        ArenaLogging.bootstrap()
        let setup: ArenaSetup
        do {
            setup = try ArenaSetup(environment: ProcessInfo.processInfo.environment, wordsPerSecond: nil, transcripts: nil, record: false, configPath: config)
        } catch {
            throw CLIFailure(error.description)
        }
        for warning in setup.configWarnings { setup.console.error("warning: \(warning)") }
        // Nobody reads a judge's reply as it streams: a built-in judge answers at full speed.
        setup.runUnwatched()
        guard let judgeName = judge ?? setup.defaultJudge else {
            throw CLIFailure("judge: name a judge model with --judge MODEL (or set ARENA_JUDGE, or 'judge:' in the models file)")
        }
        let judging = TranscriptJudging(setup: setup, judgeName: judgeName, kind: score ? .score : .pairwise, concurrency: concurrency, outputDirectory: output)
        // The total is known once the transcripts are read: the bar is made at the first count.
        let started = ContinuousClock.now
        let bar = Mutex<ProgressBar?>(nil)
        let environment = setup.environment
        let summary: TranscriptJudging.Summary
        do {
            summary = try await judging.run(path: path) { done, total in
                bar.withLock { bar in
                    if bar == nil { bar = ProgressBar(total: total, unit: "turns", startedAt: started, environment: environment) }
                    bar?.update(done: done)
                }
            }
        } catch {
            bar.withLock { $0?.finish() }
            throw CLIFailure(error.description)
        }
        bar.withLock { $0?.finish() }
        for repair in summary.repairs { setup.console.error(repair) }
        if let warning = summary.selfPreferenceWarning { setup.console.error(warning) }
        for problem in summary.problems { setup.console.error(problem) }
        print(summary.text)
        if let failure = summary.failure {
            setup.console.error("judging stopped: \(failure); what was judged is recorded, run the same command again to resume")
        }
        if summary.failed { throw ExitCode(1) }
    }
}
