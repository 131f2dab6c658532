import ArenaKit
import ArgumentParser
import Foundation

/// `arena leaderboard [DIR]`: ratings computed from the votes in every transcript.
struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Rate models from the votes in every transcript: Bradley-Terry with 95% intervals, Elo, win rates.",
        usage: "arena leaderboard [<dir>] [--judge <model>] [<options>]"
    )

    @Argument(help: ArgumentHelp("The transcripts (default: ~/.local/share/arena/transcripts).", valueName: "dir"), completion: .directory)
    var directory: String?

    @Flag(name: .long, help: "Count named votes too, not just votes from blind battles.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Rate from this judge model's verdicts (in DIR and DIR/judged) instead of human votes.", valueName: "model"), completion: .custom(ModelNameCompletion.candidates))
    var judge: String?

    @Flag(name: .long, help: "Rate from human votes only (the default).")
    var humans = false

    @Flag(name: .long, help: "Write JSON.")
    var json = false

    @Flag(name: .long, help: "Write CSV.")
    var csv = false

    @Option(name: .long, help: ArgumentHelp("Bootstrap rounds for the intervals; 0 for none.", valueName: "n"))
    var rounds = 1000

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv: pick one") }
        if humans && judge != nil { throw ValidationError("--humans and --judge: pick one (human votes and a judge's verdicts are never mixed)") }
        if judge != nil && all { throw ValidationError("--all counts named human votes; it does not apply to --judge") }
        if rounds < 0 { throw ValidationError("--rounds: expected 0 (no intervals) or more, got \(rounds)") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = directory ?? TranscriptDirectory.defaultPath(environment: environment)
        let report: LeaderboardReport
        do {
            if let judge {
                report = try LeaderboardReport.make(directory: folder, judge: judge, bootstrapRounds: rounds)
            } else {
                report = try LeaderboardReport.make(directory: folder, includeNamed: all, bootstrapRounds: rounds)
            }
        } catch {
            throw CLIFailure(error.description)
        }
        for note in report.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        if json || csv {
            for line in report.trustLines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        if json {
            print(try report.leaderboard.jsonString())
        } else if csv {
            print(LeaderboardCSV.render(report.leaderboard), terminator: "")
        } else {
            let isTerminal = TerminalDevice.isTerminal(1)
            print(report.text(style: TerminalStyle.detect(environment: environment, isTerminal: isTerminal)))
        }
    }
}
