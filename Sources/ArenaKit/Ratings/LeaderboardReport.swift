import Foundation

/// The leaderboard as `arena leaderboard` and `/leaderboard` show it: every vote in a
/// directory of transcripts turned into battles, rated, and rendered, with a note for each
/// transcript that was skipped and why.
public struct LeaderboardReport: Sendable {
    public var leaderboard: Leaderboard
    public var battles: [Battle]
    /// One line per transcript left out (no votes, unreadable).
    public var notes: [String]

    /// Why no leaderboard could be made.
    public static func make(directory: String, includeNamed: Bool, bootstrapRounds: Int = 1000) throws(CommandError) -> LeaderboardReport {
        let contents: TranscriptDirectoryContents
        do {
            contents = try TranscriptReader.loadDirectory(directory)
        } catch {
            throw CommandError("leaderboard: \(error)")
        }
        var notes: [String] = contents.failures.map { "\($0)" }
        var battles: [Battle] = []
        for transcript in contents.transcripts {
            let found = LeaderboardReport.battles(in: transcript)
            if found.isEmpty {
                notes.append("\((transcript.file as NSString).lastPathComponent): no votes, skipped")
            }
            battles += found
        }
        guard !battles.isEmpty else {
            throw CommandError("leaderboard: no votes in any transcript in \(directory)" + (notes.isEmpty ? "" : " (\(notes.count) skipped)"))
        }
        var options = LeaderboardOptions()
        options.includeNamed = includeNamed
        options.bootstrapRounds = bootstrapRounds
        do {
            let leaderboard = try Leaderboard.compute(from: battles, options: options)
            return LeaderboardReport(leaderboard: leaderboard, battles: battles, notes: notes)
        } catch {
            throw CommandError("leaderboard: \(error)")
        }
    }

    /// The battles recorded in one transcript: one per vote, with the conversation up to it.
    public static func battles(in transcript: LoadedTranscript) -> [Battle] {
        transcript.votes.compactMap { vote -> Battle? in
            let outcome: BattleOutcome
            switch vote.verdict {
            case .a: outcome = .aWins
            case .b: outcome = .bWins
            case .tie: outcome = .tie
            case .bad: outcome = .bothBad
            }
            let upTo = transcript.turns.filter { $0.number <= vote.turn }
            func conversation(_ side: Side) -> [BattleMessage] {
                upTo.flatMap { turn in
                    [BattleMessage(role: .user, content: turn.prompt), BattleMessage(role: .assistant, content: turn.answer(side).text)]
                }
            }
            let time = transcript.turn(numbered: vote.turn)?.askedAt ?? transcript.startedAt ?? Date(timeIntervalSince1970: 0)
            return Battle(
                modelA: vote.modelA, modelB: vote.modelB, outcome: outcome, anonymous: vote.anonymous,
                timestamp: time, questionID: "\((transcript.file as NSString).lastPathComponent)#\(vote.turn)",
                turn: vote.turn, conversationA: conversation(.a), conversationB: conversation(.b))
        }
    }

    /// The table for a terminal or a pipe, then the win-rate matrix and the notes.
    public func text(style: TerminalStyle) -> String {
        var parts = [LeaderboardTextRenderer().render(leaderboard)]
        parts.append(leaderboard.winRates.renderText())
        parts += notes
        return parts.joined(separator: "\n")
    }
}
