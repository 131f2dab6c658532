extension ArenaSession {
    /// Carries out one command: a message is asked of both sides; a slash command is run by
    /// its declaration (``CommandCatalog``). Returns false when the session should end.
    func execute(_ command: Command) async throws(CommandError) -> Bool {
        if case .message(let text) = command {
            await ask(text, question: mmlu.question(sentAs: text))
            return true
        }
        for definition in CommandCatalog.all {
            if let goOn = try await definition.run(self, command) { return goOn }
        }
        preconditionFailure("no declaration runs \(command)")
    }
}
