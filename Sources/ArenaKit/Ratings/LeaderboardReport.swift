import Foundation

/// The leaderboard as `arena leaderboard` and `/leaderboard` show it: every vote in a
/// directory of transcripts turned into battles (the last vote on a turn counts, see
/// `TranscriptBattles`), rated, and rendered, with notes for standard error on what was left
/// out.
public struct LeaderboardReport: Sendable {
    public var leaderboard: Leaderboard
    /// The battles rated, without conversations.
    public var battles: [Battle]
    /// For standard error: transcripts that failed to load, and one line counting those
    /// without votes.
    public var notes: [String]
    /// For a judge's leaderboard: its self-consistency and agreement with human votes.
    public var trustLines: [String] = []
    /// For a judge's leaderboard: what its battles are ("verdicts of judge X").
    var battleSource: String?

    /// Rates the votes in `directory`.
    ///
    /// - Throws: `CommandError` when the directory cannot be read, holds no votes, or the
    ///   options are invalid.
    public static func make(directory: String, includeNamed: Bool, bootstrapRounds: Int = 1000) throws(CommandError) -> LeaderboardReport {
        let voted = try VotedTranscripts.load(directory: directory, command: "leaderboard")
        let battles = voted.transcripts.flatMap { TranscriptBattles.battles(in: $0, withConversations: false) }
        guard !battles.isEmpty else { throw voted.noVotesError(command: "leaderboard", directory: directory) }
        var options = LeaderboardOptions()
        options.includeNamed = includeNamed
        options.bootstrapRounds = bootstrapRounds
        do {
            let leaderboard = try Leaderboard.compute(from: battles, options: options)
            return LeaderboardReport(leaderboard: leaderboard, battles: battles, notes: voted.notes)
        } catch {
            throw CommandError("leaderboard: \(error)")
        }
    }

    /// Rates judge `judge`'s pairwise verdicts in `directory` and in its `judged` folder (where
    /// `arena judge` writes), never mixed with human votes.
    ///
    /// - Throws: `CommandError` when the directory cannot be read or holds no verdict of that judge.
    public static func make(directory: String, judge: String, bootstrapRounds: Int = 1000) throws(CommandError) -> LeaderboardReport {
        var transcripts: [LoadedTranscript] = []
        var notes: [String] = []
        for folder in [directory, (directory as NSString).appendingPathComponent("judged")] {
            guard folder == directory || FileManager.default.fileExists(atPath: folder) else { continue }
            do {
                let contents = try TranscriptReader.loadDirectory(folder)
                transcripts += contents.transcripts
                notes += contents.failures.map { TextSanitizer.sanitizeLine("\($0)") }
            } catch {
                throw CommandError("leaderboard: \(TextSanitizer.sanitizeLine("\(error)"))")
            }
        }
        let judged = JudgeVerdictBattles(judge: judge, transcripts: transcripts)
        guard !judged.battles.isEmpty else {
            throw CommandError("leaderboard: no pairwise verdicts of judge \(TextSanitizer.sanitizeLine(judge)) in \(TextSanitizer.sanitizeLine(directory)) (run arena judge DIR --judge \(TextSanitizer.sanitizeLine(judge)) first)")
        }
        var options = LeaderboardOptions()
        options.includeNamed = true
        options.bootstrapRounds = bootstrapRounds
        do {
            let leaderboard = try Leaderboard.compute(from: judged.battles, options: options)
            return LeaderboardReport(
                leaderboard: leaderboard, battles: judged.battles, notes: notes, trustLines: judged.trustLines(judge: judge),
                battleSource: "verdicts of judge \(TextSanitizer.sanitizeLine(judge)); inconsistent ones count as ties")
        } catch {
            throw CommandError("leaderboard: \(error)")
        }
    }

    /// The table for a terminal or a pipe, then the win-rate matrix. The notes are not part
    /// of it: they go to standard error.
    public func text(style: TerminalStyle) -> String {
        var renderer = LeaderboardTextRenderer()
        renderer.battleSource = battleSource
        return (trustLines + [renderer.render(leaderboard), leaderboard.winRates.renderText()]).joined(separator: "\n")
    }
}

/// `arena export --fastchat DIR`: every vote in a directory of transcripts as a FastChat battle
/// record, named and anonymous alike, written one record at a time.
public enum FastChatDirectoryExport {
    /// Writes the records of every battle in `directory` to `sink` in `layout`, transcript by
    /// transcript (file name order), each in the order of its votes. Returns the notes for
    /// standard error and the number of records.
    ///
    /// - Throws: `CommandError` when the directory cannot be read or holds no votes, or when
    ///   `sink` fails.
    public static func write(
        directory: String,
        layout: FastChatExport.Layout,
        to sink: @escaping (String) throws -> Void
    ) throws(CommandError) -> (records: Int, notes: [String]) {
        let voted = try VotedTranscripts.load(directory: directory, command: "export")
        guard !voted.transcripts.isEmpty else { throw voted.noVotesError(command: "export", directory: directory) }
        var writer = FastChatExportWriter(layout: layout, sink: sink)
        do {
            for transcript in voted.transcripts {
                try TranscriptBattles.forEach(in: transcript, withConversations: true) { try writer.append($0) }
            }
            try writer.finish()
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("export: \(error)")
        }
        return (writer.count, voted.notes)
    }
}
