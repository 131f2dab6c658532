import Foundation

/// A judge model's pairwise verdicts turned into battles for the leaderboard, and how far the
/// judge can be trusted: its agreement with the human votes on the same turns, and with itself
/// across the two orders.
///
/// A turn is known by its transcript's file name and its number, so a judged copy (`arena
/// judge` writes it under the original's name) and its original count once; the latest verdict
/// of the judge on a turn counts, as the latest vote does.
struct JudgeVerdictBattles: Sendable {
    var battles: [Battle] = []
    /// Turns with both a verdict and a human vote, and on how many they agree (a person's
    /// "both bad" counts as a tie).
    var agreement = (agreeing: 0, compared: 0)
    /// Verdicts whose two orders agreed, of all verdicts.
    var consistency = (consistent: 0, total: 0)

    /// The battles judge `judge` decided in `transcripts`.
    init(judge: String, transcripts: [LoadedTranscript]) {
        var verdicts: [String: (verdict: TranscriptEvent.JudgeVerdict, time: Date?)] = [:]
        var votes: [String: TranscriptEvent.Vote] = [:]
        var order: [String] = []
        for transcript in transcripts {
            let name = (transcript.file as NSString).lastPathComponent
            for vote in transcript.votes { votes["\(name)#\(vote.turn)"] = vote }
            for record in transcript.records {
                guard case .judgeVerdict(let verdict) = record.event, verdict.kind == .pairwise, verdict.judge == judge,
                      verdict.verdict != nil else { continue }
                let key = "\(name)#\(verdict.turn)"
                if let existing = verdicts[key], let old = existing.time, let new = record.time, old > new { continue }
                if verdicts[key] == nil { order.append(key) }
                verdicts[key] = (verdict, record.time)
            }
        }
        for key in order {
            guard let (verdict, time) = verdicts[key], let outcome = verdict.verdict else { continue }
            battles.append(Battle(
                modelA: verdict.modelA, modelB: verdict.modelB, outcome: BattleOutcome(outcome),
                anonymous: true, timestamp: time ?? Date(timeIntervalSince1970: 0), questionID: key, turn: verdict.turn))
            consistency.total += 1
            if verdict.consistent != false { consistency.consistent += 1 }
            if let vote = votes[key] {
                agreement.compared += 1
                if BattleOutcome(vote.verdict).scoreA == BattleOutcome(outcome).scoreA { agreement.agreeing += 1 }
            }
        }
    }

    /// The trust lines printed under the judge's leaderboard.
    func trustLines(judge: String) -> [String] {
        func share(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "n/a" : NumberText.fixed(Double(part) * 100 / Double(whole), decimals: 0) + "%"
        }
        let name = TextSanitizer.sanitizeLine(judge)
        var lines = ["Rated from the pairwise verdicts of judge \(name) (not human votes)", "judge \(name): self-consistency \(share(consistency.consistent, consistency.total)) (\(consistency.consistent) of \(consistency.total) verdicts the same in both orders; the rest counted as ties)"]
        if agreement.compared > 0 {
            lines.append("agreement with human votes: \(share(agreement.agreeing, agreement.compared)) (n = \(agreement.compared) turns with both)")
        } else {
            lines.append("agreement with human votes: no turn has both a verdict and a vote")
        }
        return lines
    }
}
