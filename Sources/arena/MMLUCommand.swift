import ArenaKit
import ArgumentParser
import Foundation

/// `arena mmlu`: a subject's questions as a small benchmark of two models.
struct MMLUCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mmlu",
        abstract: "Ask two models N MMLU questions unattended and print their accuracy with 95% intervals."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The subject (default: all subjects).", valueName: "name"))
    var subject: String?

    @Option(name: .customLong("n"), help: ArgumentHelp("How many questions.", valueName: "count"))
    var count = 20

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The two models.", valueName: "A B"))
    var models: [String] = []

    @Option(name: .long, help: ArgumentHelp("Seed for picking the questions (same seed, same questions; printed when not given).", valueName: "n"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("The split to draw from: test (the default, as MMLU is scored), val or dev.", valueName: "split"))
    var split = "test"

    @Option(name: .long, help: ArgumentHelp("Requests in flight at once, over both models.", valueName: "n"))
    var concurrency = 8

    @Flag(name: .long, help: "Print the accuracy table as one JSON document (docs/json-output.md).")
    var json = false

    func validate() throws {
        guard models.isEmpty || models.count == 2 else { throw ValidationError("--models: expected two model names, got \(models.count)") }
        guard count >= 1 else { throw ValidationError("--n: expected at least 1 question, got \(count)") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency: expected at least 1, got \(concurrency)") }
        guard MMLUSplit(rawValue: split) != nil else { throw ValidationError("--split: expected test, val or dev, got '\(split)'") }
    }

    func run() async throws {
        let setup = try common.setup()
        let pair = try common.models(in: setup, a: models.first, b: models.last)
        let bank: MMLUQuestionBank
        do {
            bank = try setup.loadMMLU()
        } catch {
            throw CLIFailure("\(error)")
        }
        var picked: MMLUSubject?
        if let subject {
            guard let found = bank.subject(named: subject) else {
                throw CLIFailure("no subject named '\(subject)' in \(bank.sourceDescription); `arena` then /subject lists them")
            }
            picked = found
        }
        let draw = MMLUQuestionDraw(subject: picked, split: MMLUSplit(rawValue: split) ?? .test, count: count, seed: seed ?? MMLUQuestionDraw.randomSeed())
        guard draw.available(in: bank) > 0 else {
            throw CLIFailure("no \(draw.split) questions in \(picked?.name ?? "any subject") (\(bank.sourceDescription)); try another --split")
        }
        if let shortfall = draw.shortfall(in: bank) { setup.console.error("note: \(shortfall)") }
        let questions = draw.questions(from: bank)
        let run = MMLURun(setup: setup, models: pair, questions: questions, concurrency: concurrency)
        let bar = ProgressBar(total: questions.count * 2, unit: "answers", environment: setup.environment)
        let scores = await run.run { done, _ in bar.update(done: done) }
        bar.finish()
        if json {
            print(MMLURun.json(scores: scores, models: pair, draw: draw, questions: questions.count, bank: bank, pace: setup.pace), terminator: "")
            return
        }
        let heading = draw.heading(for: questions, bank: bank)
        let rows = Side.allCases.map { MMLUAccuracyRow(model: "\($0.label) \(pair[$0].displayName)", tally: scores[$0]) }
        print(heading)
        print(MMLUAccuracyTable.render(rows), terminator: "")
    }
}
