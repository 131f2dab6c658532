/// `/subject`, `/examples`, `/random`, `/ask`, `/score`: MMLU questions, graded.
extension CommandDefinition {
    static let mmluCommands: [CommandDefinition] = [
        CommandDefinition(
            "/subject", aliases: ["/subjects"], usage: "/subject [NAME|all]",
            summary: "List the MMLU subjects with their question counts, or pick one and show its first five questions.",
            example: "/subject astronomy", argument: .subject,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count <= 1 else { throw arguments.usageError() }
                return .subject(arguments.words.first)
            },
            run: { session, command throws(CommandError) in
                guard case .subject(let name) = command else { return nil }
                try session.selectSubject(name)
                return true
            }),
        CommandDefinition(
            "/examples", usage: "/examples [N]",
            summary: "Show N random test questions (default 5) from the subject picked, or from all subjects.",
            example: "/examples 3", argument: .value,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count <= 1 else { throw arguments.usageError() }
                if let word = arguments.words.first {
                    guard let count = Int(word), (1...100).contains(count) else {
                        throw CommandError("/examples: expected a number of questions from 1 to 100, got '\(word)'")
                    }
                    return .examples(count)
                }
                return .examples(nil)
            },
            run: { session, command throws(CommandError) in
                guard case .examples(let count) = command else { return nil }
                try session.showExamples(count)
                return true
            }),
        simple("/random", command: .random,
               summary: "Put a random test question on the prompt line, to edit or send (sent unchanged, it is graded).") { session throws(CommandError) in
            try session.putRandomQuestionOnTheLine()
        },
        CommandDefinition(
            "/ask", usage: "/ask N",
            summary: "Send question N of the last list with its choices; both answers are graded.",
            example: "/ask 2", argument: .value,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count == 1, let number = Int(arguments.words[0]), number >= 1 else {
                    throw arguments.usageError(expected: "the number of a question from /subject or /examples")
                }
                return .ask(number)
            },
            run: { session, command throws(CommandError) in
                guard case .ask(let number) = command else { return nil }
                try await session.askExample(number)
                return true
            }),
        simple("/score", command: .score,
               summary: "Show the MMLU score of each side so far.") { session in
            session.showScore()
        },
    ]
}
