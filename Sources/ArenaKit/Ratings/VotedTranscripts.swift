import Foundation

/// The transcripts of a directory that hold votes, and what was left out: the input of
/// `arena leaderboard`, `/leaderboard` and `arena export --fastchat`.
struct VotedTranscripts: Sendable {
    /// The transcripts with at least one vote, in file name order.
    var transcripts: [LoadedTranscript]
    /// Transcripts that could not be loaded, each naming the file (and line).
    var failures: [String]
    /// How many transcripts had no vote.
    var withoutVotes: Int

    /// Loads every transcript in `directory`. `command` names the caller in errors.
    ///
    /// - Throws: `CommandError` when the directory cannot be read.
    static func load(directory: String, command: String) throws(CommandError) -> VotedTranscripts {
        let contents: TranscriptDirectoryContents
        do {
            contents = try TranscriptReader.loadDirectory(directory)
        } catch {
            throw CommandError("\(command): \(TextSanitizer.sanitizeLine("\(error)"))")
        }
        let voted = contents.transcripts.filter { !$0.votes.isEmpty }
        return VotedTranscripts(
            transcripts: voted,
            failures: contents.failures.map { "\($0)" },
            withoutVotes: contents.transcripts.count - voted.count)
    }

    /// What to tell on standard error: one line per transcript that failed to load, then one
    /// summary line for those without votes. Sanitized: names and reasons come from files.
    var notes: [String] {
        var lines = failures.map(TextSanitizer.sanitizeLine)
        if withoutVotes > 0 {
            lines.append("\(withoutVotes) transcript\(withoutVotes == 1 ? "" : "s") with no votes, skipped")
        }
        return lines
    }

    /// The error for a directory without a single vote.
    func noVotesError(command: String, directory: String) -> CommandError {
        let skipped = failures.count + withoutVotes
        return CommandError(
            "\(command): no votes in any transcript in \(TextSanitizer.sanitizeLine(directory))"
                + (skipped == 0 ? "" : " (\(skipped) skipped)"))
    }
}
