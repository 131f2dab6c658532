/// `/copy`, `/edit`: an answer out to the clipboard, a long message in from the editor.
extension CommandDefinition {
    static let clipboardCommands: [CommandDefinition] = [
        CommandDefinition(
            "/copy", usage: "/copy a|b [N]",
            summary: "Put one side's raw answer (the last turn, or turn N) on the clipboard.",
            example: "/copy b", argument: .side,
            parse: { arguments throws(CommandError) in
                let words = arguments.lowercased
                guard (1...2).contains(words.count), let side = Side(rawValue: words[0]) else {
                    throw arguments.usageError()
                }
                var turn: Int?
                if words.count == 2 {
                    guard let number = Int(words[1]), number >= 1 else {
                        throw arguments.usageError(got: words[1], expected: "a turn number (1 or more)")
                    }
                    turn = number
                }
                return .copy(side, turn: turn)
            },
            run: { session, command throws(CommandError) in
                guard case .copy(let side, let turn) = command else { return nil }
                try session.copyAnswer(side, turn: turn)
                return true
            }),
        CommandDefinition(
            "/edit", usage: "/edit",
            summary: "Write a message in $VISUAL or $EDITOR (else vi); what is saved is sent to both.",
            example: "/edit",
            parse: { arguments throws(CommandError) in
                try arguments.none()
                return .edit
            },
            run: { session, command throws(CommandError) in
                guard command == .edit else { return nil }
                if let message = try session.composeInEditor() { await session.ask(message) }
                return true
            }),
    ]
}
