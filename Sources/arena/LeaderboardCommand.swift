import ArenaKit
import ArgumentParser
import Foundation

/// `arena leaderboard [DIR]`: ratings computed from the votes in every transcript.
struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Rate models from the votes in every transcript: Bradley-Terry with 95% intervals, Elo, win rates."
    )

    @Argument(help: ArgumentHelp("The transcripts (default: ~/.local/share/arena/transcripts).", valueName: "dir"), completion: .directory)
    var directory: String?

    @Flag(name: .long, help: "Count named votes too, not just votes from blind battles.")
    var all = false

    @Flag(name: .long, help: "Write JSON.")
    var json = false

    @Flag(name: .long, help: "Write CSV.")
    var csv = false

    @Option(name: .long, help: ArgumentHelp("Bootstrap rounds for the intervals; 0 for none.", valueName: "n"))
    var rounds = 1000

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv: pick one") }
        if rounds < 0 { throw ValidationError("--rounds: expected 0 (no intervals) or more, got \(rounds)") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = directory ?? TranscriptDirectory.defaultPath(environment: environment)
        let report: LeaderboardReport
        do {
            report = try LeaderboardReport.make(directory: folder, includeNamed: all, bootstrapRounds: rounds)
        } catch {
            throw CLIFailure(error.description)
        }
        for note in report.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
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
