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
            "/examples", usage: "/examples [N] [dev|val|test]",
            summary: "Show N random questions (default 5) of a split (test unless named) from the subject picked, or from all subjects.",
            example: "/examples 3 val", argument: .value,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count <= 2 else { throw arguments.usageError() }
                var count: Int?
                var split: MMLUSplit?
                for word in arguments.words {
                    if let named = MMLUSplit(rawValue: word.lowercased()), split == nil {
                        split = named
                    } else if count == nil, let number = Int(word) {
                        guard (1...100).contains(number) else {
                            throw CommandError("/examples: expected a number of questions from 1 to 100, got '\(word)'")
                        }
                        count = number
                    } else {
                        throw CommandError("/examples: expected a number of questions from 1 to 100 or a split (dev, val, test), got '\(word)'")
                    }
                }
                return .examples(count, split ?? .test)
            },
            run: { session, command throws(CommandError) in
                guard case .examples(let count, let split) = command else { return nil }
                try session.showExamples(count, split: split)
                return true
            }),
        CommandDefinition(
            "/random", usage: "/random [dev|val|test]",
            summary: "Put a random question of a split (test unless named) on the prompt line, to edit or send (sent unchanged, it is graded).",
            example: "/random val", argument: .split,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count <= 1 else { throw arguments.usageError() }
                guard let word = arguments.words.first else { return .random(.test) }
                guard let split = MMLUSplit(rawValue: word.lowercased()) else {
                    throw CommandError("/random: expected a split (dev, val or test), got '\(word)'")
                }
                return .random(split)
            },
            run: { session, command throws(CommandError) in
                guard case .random(let split) = command else { return nil }
                try session.putRandomQuestionOnTheLine(split: split)
                return true
            }),
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
