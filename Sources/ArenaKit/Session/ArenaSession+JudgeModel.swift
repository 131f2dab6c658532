/// The judge a session uses when `/judge` names none, and the templates it asks with.
public struct JudgeDefaults: Sendable {
    /// `ARENA_JUDGE`, else the models file's `judge:`.
    public var model: String?
    public var templates: JudgeTemplates = .defaults

    public init(model: String? = nil, templates: JudgeTemplates = .defaults) {
        self.model = model
        self.templates = templates
    }
}

extension ArenaSession {
    /// `/judge [MODEL]` and `/judge score [MODEL]`: the judge's verdict on the last turn, shown
    /// and recorded. Ctrl-C stops the judge.
    func judgeLastTurn(model name: String?, kind: TranscriptEvent.JudgeKind) async throws(CommandError) {
        let command = kind == .pairwise ? "/judge" : "/judge score"
        guard let prompt = state.lastPrompt, let a = state.a.turns.last?.answer, let b = state.b.turns.last?.answer else {
            throw CommandError("\(command): nothing to judge yet; ask something first")
        }
        for (side, answer) in [(Side.a, a), (Side.b, b)] where answer.status != .done {
            throw CommandError("\(command): side \(side.label)'s answer did not finish (\(answer.status.word)); /retry it first")
        }
        let judge = try makeJudge(named: name, command: command)
        let turn = JudgedTurn(
            number: turnNumber, question: prompt, answers: SidePair(a: a.text, b: b.text),
            models: SidePair(a: state.a.model.name, b: state.b.model.name), anonymous: judging.blind,
            reference: lastTurnReference)
        console.print("asking \(TextSanitizer.sanitizeLine(judge.name)) about turn \(turnNumber)" + (kind == .pairwise ? " (both orders)…" : "…"))
        let result: Result<TranscriptEvent.JudgeVerdict, JudgeError> = await interrupter.run {
            do throws(JudgeError) { return .success(try await judge.verdict(on: turn, kind: kind)) } catch { return .failure(error) }
        }
        switch result {
        case .success(let verdict):
            recorder?.record(.judgeVerdict(verdict))
            recorder?.sync()
            console.print(verdict.displayText)
        case .failure(let error):
            throw CommandError("\(command): \(error)")
        }
    }

    /// `/judge auto [MODEL|off]`.
    func setAutoJudge(model name: String?, off: Bool) throws(CommandError) {
        if off {
            let was = pipeline.autoJudge.judgeName
            pipeline.autoJudge.stop()
            console.print(was == nil ? "automatic judging was off" : "automatic judging off")
            return
        }
        let judge = try makeJudge(named: name, command: "/judge auto")
        pipeline.autoJudge.start(judge: judge, kind: .pairwise)
        console.print("every following turn is judged by \(TextSanitizer.sanitizeLine(judge.name)) once both answers are in; /judge auto off stops")
    }

    /// Where `/judge auto` shows verdicts: above the prompt when the REPL reads from a terminal.
    public func showJudgeVerdicts(with show: @escaping @Sendable (String) -> Void) {
        pipeline.autoJudge.setShow(show)
    }

    /// Waits for the verdicts `/judge auto` still has on their way, saying so on one line.
    /// Ctrl-C skips the wait: the verdicts not in yet are not recorded (one line says how
    /// many); those already recorded stay.
    public func waitForPendingJudgements() async {
        let autoJudge = pipeline.autoJudge
        let pending = autoJudge.pendingCount
        guard pending > 0 else { return }
        console.print("waiting for \(pending) judge verdict\(pending == 1 ? "" : "s")… (Ctrl-C to skip)")
        let dropped = await interrupter.run { await autoJudge.waitForPending() }
        if dropped > 0 { console.print("\(dropped) verdict\(dropped == 1 ? "" : "s") not recorded") }
    }

    /// The judge called `name`, else the default; warns when it is one of the two models compared.
    private func makeJudge(named name: String?, command: String) throws(CommandError) -> Judge {
        guard let name = name ?? judgeDefaults.model else {
            throw CommandError("\(command): no judge model; name one (\(command) MODEL), set ARENA_JUDGE, or put 'judge: MODEL' in the models file")
        }
        let descriptor = try lookUp(name)
        let client: any ModelClient
        do {
            client = try registry.client(named: descriptor.name)
        } catch {
            throw CommandError("\(command): model '\(descriptor.name)' cannot be used: \(error)")
        }
        if !judging.blind, [state.a.model.name, state.b.model.name].contains(descriptor.name) {
            console.error("warning: the judge \(descriptor.name) is one of the two models compared; judges tend to prefer their own answers")
        }
        return Judge(name: descriptor.name, client: client, templates: judgeDefaults.templates)
    }
}
