/// `/retry`, `/clear`, `/swap`: the conversations themselves.
extension CommandDefinition {
    static let conversationCommands: [CommandDefinition] = [
        CommandDefinition(
            "/retry", usage: "/retry [a|b]",
            summary: "Ask the last question again, on both sides or the side named.",
            example: "/retry b", argument: .side,
            parse: { arguments throws(CommandError) in
                switch arguments.lowercased {
                case []: return .retry(.both)
                case ["a"]: return .retry(.only(.a))
                case ["b"]: return .retry(.only(.b))
                default: throw arguments.usageError()
                }
            },
            run: { session, command throws(CommandError) in
                guard case .retry(let selection) = command else { return nil }
                try await session.retry(selection)
                return true
            }),
        simple("/clear", command: .clear,
               summary: "Forget both conversations; models and settings stay.") { session in
            session.state.clear()
            session.recorder?.record(.clear)
            session.console.print("both conversations cleared")
        },
        simple("/swap", command: .swap,
               summary: "Exchange the sides: models, settings and conversations.") { session in
            session.state.swapSides()
            session.recorder?.record(.swap)
            let blind = session.judging.blind
            session.console.print("sides swapped: A is now \(blind ? "the former Model B" : session.label(.a)), B is \(blind ? "the former Model A" : session.label(.b))")
        },
    ]

    /// A command written alone (`/clear`): its usage and example are its name; any argument is an
    /// error.
    static func simple(
        _ name: String, command: Command, summary: String,
        run: @escaping @Sendable (ArenaSession) async throws(CommandError) -> Void
    ) -> CommandDefinition {
        CommandDefinition(
            name, usage: name, summary: summary, example: name,
            parse: { arguments throws(CommandError) in
                try arguments.none()
                return command
            },
            run: { session, given throws(CommandError) in
                guard given == command else { return nil }
                try await run(session)
                return true
            })
    }
}
