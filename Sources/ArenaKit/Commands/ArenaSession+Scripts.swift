extension ArenaSession {
    /// `/run FILE`: runs a script inside the session. Problems are reported with file:line and
    /// the script goes on; the command fails at the end if any line failed.
    /// Returns false when the script ended the session with `/quit`.
    func runScript(_ path: String) async throws(CommandError) -> Bool {
        let items: [ScriptItem]
        do {
            items = try ScriptParser.parse(contentsOf: path)
        } catch {
            throw CommandError("/run: \(error)")
        }
        let outcome = await run(items)
        guard outcome.failures == 0 else {
            throw CommandError("/run \(path): \(outcome.failures) line\(outcome.failures == 1 ? "" : "s") failed")
        }
        return !outcome.quit
    }

    /// Runs script items in order. Each failing line (a bad command, an unmet `/expect`) is
    /// reported as `file:line: reason` and counted; the rest still run.
    public func run(_ items: [ScriptItem]) async -> (failures: Int, quit: Bool) {
        guard scriptDepth < 8 else {
            console.error("scripts nested more than 8 deep; not running \(items.first?.location.file ?? "script")")
            return (1, false)
        }
        scriptDepth += 1
        defer { scriptDepth -= 1 }
        var failures = 0
        var quit = false
        for item in items {
            if Task.isCancelled { break }
            do {
                let command: Command
                switch item.action {
                case .message(let text): command = .message(text)
                case .command(let text): command = try CommandParser.parse(text)
                case .expect(let expectation): command = .expect(expectation)
                }
                if !(try await execute(command)) {
                    quit = true
                    break
                }
            } catch {
                failures += 1
                console.error("\(item.location): \(error.description)")
            }
        }
        // A script's last turns may still be with `/judge auto`: their verdicts belong to it.
        if scriptDepth == 1 { await waitForPendingJudgements() }
        return (failures, quit)
    }

    /// `/expect`: checks the last turn's answers.
    func check(_ expectation: ScriptExpectation) throws(CommandError) {
        guard let a = state.a.turns.last?.answer, let b = state.b.turns.last?.answer else {
            throw CommandError("/expect: no answers yet to check")
        }
        let models = SidePair(a: state.a.model.name, b: state.b.model.name)
        if case .fail(let reason) = expectation.evaluate(SidePair(a: a, b: b), models: models) {
            throw CommandError("expectation failed: \(reason)")
        }
    }
}
