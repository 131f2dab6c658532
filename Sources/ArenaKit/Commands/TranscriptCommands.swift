/// `/save`, `/load`, `/export`, `/replay`, `/run`, `/expect`: transcripts and scripts.
extension CommandDefinition {
    static let transcriptCommands: [CommandDefinition] = [
        withPath("/save", usage: "/save PATH",
                 summary: "Write the session so far to a transcript file (JSON Lines).",
                 example: "/save ~/sky.jsonl", command: Command.save) { session, command throws(CommandError) in
            guard case .save(let path) = command else { return nil }
            try session.save(to: path)
            return true
        },
        withPath("/load", usage: "/load PATH",
                 summary: "Restore a transcript's conversations, models and settings, and continue from there.",
                 example: "/load ~/sky.jsonl", command: Command.load) { session, command throws(CommandError) in
            guard case .load(let path) = command else { return nil }
            // `/judge auto` verdicts still on their way belong in this session's transcript,
            // not in the one the load starts.
            await session.waitForPendingJudgements()
            try session.load(from: path)
            return true
        },
        CommandDefinition(
            "/export", usage: "/export md|html PATH",
            summary: "Write the session as Markdown or as a self-contained HTML page, answers side by side.",
            example: "/export html sky.html", argument: .formatThenFile,
            parse: { arguments throws(CommandError) in
                let words = arguments.words
                guard words.count >= 2, let format = ExportFormat(rawValue: words[0].lowercased() == "markdown" ? "md" : words[0].lowercased()) else {
                    throw arguments.usageError()
                }
                return .export(format, CommandArguments.expandHome(CommandArguments.restOfLine(arguments.rest)))
            },
            run: { session, command throws(CommandError) in
                guard case .export(let format, let path) = command else { return nil }
                try session.export(format, to: path)
                return true
            }),
        withPath("/replay", usage: "/replay FILE",
                 summary: "Ask every question of a transcript again, with its settings, against the current models.",
                 example: "/replay transcripts/examples/capitals.jsonl", command: Command.replay) { session, command throws(CommandError) in
            guard case .replay(let path) = command else { return nil }
            try await session.replay(path)
            return true
        },
        withPath("/run", usage: "/run FILE",
                 summary: "Run an .arena script: messages, commands and /expect checks.",
                 example: "/run transcripts/examples/smoke.arena", command: Command.run) { session, command throws(CommandError) in
            guard case .run(let path) = command else { return nil }
            return try await session.runScript(path)
        },
        CommandDefinition(
            "/expect", usage: "/expect a|b|both contains|not-contains|matches|finished [TEXT]",
            summary: "Check the last answers; a failed check is an error (scripts exit non-zero).",
            example: "/expect a contains Paris", argument: .side,
            parse: { arguments throws(CommandError) in
                do {
                    return .expect(try ScriptExpectation(parsing: arguments.rest))
                } catch {
                    throw CommandError("/expect: \(error); usage: /expect a|b|both contains|not-contains|matches TEXT, or /expect a|b|both finished")
                }
            },
            run: { session, command throws(CommandError) in
                guard case .expect(let expectation) = command else { return nil }
                try session.check(expectation)
                return true
            }),
    ]

    /// A command taking a path, the rest of the line (`~` for the home directory).
    private static func withPath(
        _ name: String, usage: String, summary: String, example: String,
        command: @escaping @Sendable (String) -> Command,
        run: @escaping @Sendable (ArenaSession, Command) async throws(CommandError) -> Bool?
    ) -> CommandDefinition {
        CommandDefinition(
            name, usage: usage, summary: summary, example: example, argument: .file,
            parse: { arguments throws(CommandError) in
                guard !arguments.rest.isEmpty else { throw arguments.usageError(got: "") }
                return command(arguments.path)
            },
            run: run)
    }
}
