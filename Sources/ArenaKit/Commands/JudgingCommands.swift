/// `/vote`, `/adopt`, `/diff`, `/battle`, `/stats`, `/leaderboard`: comparing and judging the answers.
extension CommandDefinition {
    static let judgingCommands: [CommandDefinition] = [
        CommandDefinition(
            "/vote", usage: "/vote a|b|tie|bad",
            summary: "Judge the last turn; in a blind battle this reveals the two models.",
            example: "/vote a", argument: .verdict,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count == 1, let verdict = TranscriptEvent.Verdict(rawValue: arguments.words[0].lowercased()) else {
                    throw arguments.usageError(expected: "a, b, tie or bad")
                }
                return .vote(verdict)
            },
            run: { session, command throws(CommandError) in
                guard case .vote(let verdict) = command else { return nil }
                try session.vote(verdict)
                return true
            }),
        CommandDefinition(
            "/adopt", usage: "/adopt a|b",
            summary: "Copy that side's last answer into the other side's history, so both go on from it.",
            example: "/adopt b", argument: .side,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count == 1, let side = Side(rawValue: arguments.words[0].lowercased()) else {
                    throw arguments.usageError(expected: "a or b")
                }
                return .adopt(side)
            },
            run: { session, command throws(CommandError) in
                guard case .adopt(let side) = command else { return nil }
                try session.adopt(side)
                return true
            }),
        CommandDefinition(
            "/diff", usage: "/diff [columns|merged]",
            summary: "Compare the last two answers word by word: side by side, aligned, with A's words that B lacks marked [-…-] and B's that A lacks {+…+} (red and green with colour); as one merged text in a pipe or under 60 columns. columns or merged (also inline) chooses.",
            example: "/diff merged", argument: .diffView,
            parse: { arguments throws(CommandError) in
                switch arguments.lowercased {
                case []: return .diff(.automatic)
                case ["columns"]: return .diff(.columns)
                case ["merged"], ["inline"]: return .diff(.merged)
                default: throw arguments.usageError(expected: "nothing, columns, merged or inline")
                }
            },
            run: { session, command throws(CommandError) in
                guard case .diff(let view) = command else { return nil }
                try session.showDiff(view)
                return true
            }),
        simple("/battle", command: .battle,
               summary: "Start a blind battle: two models drawn at random, shown as Model A and Model B until you vote.") { session throws(CommandError) in
            try session.startBattle()
        },
        simple("/stats", command: .stats,
               summary: "Per model this session: turns, wins, time to first token and tokens/s (mean, p50, p95), tokens, cost.") { session throws(CommandError) in
            try session.showStats()
        },
        CommandDefinition(
            "/leaderboard", usage: "/leaderboard [all|judge MODEL]",
            summary: "Ratings from the votes in every transcript (anonymous votes; all adds named ones; judge MODEL: that judge's verdicts).",
            example: "/leaderboard",
            parse: { arguments throws(CommandError) in
                switch arguments.lowercased {
                case []: return .leaderboard(includeNamed: false)
                case ["all"]: return .leaderboard(includeNamed: true)
                case let words where words.count == 2 && words[0] == "judge": return .judgeLeaderboard(arguments.words[1])
                default: throw arguments.usageError(expected: "nothing, all, or judge MODEL")
                }
            },
            run: { session, command throws(CommandError) in
                switch command {
                case .leaderboard(let includeNamed): try session.showLeaderboard(includeNamed: includeNamed)
                case .judgeLeaderboard(let judge): try session.showLeaderboard(judge: judge)
                default: return nil
                }
                return true
            }),
    ]
}
