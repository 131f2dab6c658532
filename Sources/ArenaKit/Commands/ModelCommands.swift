/// `/models`, `/model`: which models are in the ring.
extension CommandDefinition {
    static let modelCommands: [CommandDefinition] = [
        CommandDefinition(
            "/models", usage: "/models [A B]",
            summary: "List every model with its provider, or put model A on side A and model B on side B.",
            example: "/models echo scribe", argument: .model,
            parse: { arguments throws(CommandError) in
                if arguments.words.isEmpty { return .listModels }
                guard arguments.words.count == 2 else { throw arguments.usageError() }
                return .setModels(a: arguments.words[0], b: arguments.words[1])
            },
            run: { session, command throws(CommandError) in
                switch command {
                case .listModels:
                    session.console.print(session.modelListing())
                case .setModels(let a, let b):
                    let models = (try session.lookUp(a), try session.lookUp(b))
                    session.setModel(models.0, on: .a)
                    session.setModel(models.1, on: .b)
                default:
                    return nil
                }
                return true
            }),
        CommandDefinition(
            "/model", usage: "/model a|b NAME",
            summary: "Change one side's model; that side starts afresh.",
            example: "/model b scribe", argument: .sideThenModel,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count == 2, let side = Side(rawValue: arguments.words[0].lowercased()) else {
                    throw arguments.usageError()
                }
                return .setModel(side, arguments.words[1])
            },
            run: { session, command throws(CommandError) in
                guard case .setModel(let side, let name) = command else { return nil }
                session.setModel(try session.lookUp(name), on: side)
                return true
            }),
    ]
}
