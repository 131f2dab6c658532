import Foundation

/// A running arena session: both conversations, the models they use, and the turns asked of
/// them, each built as a ``TurnRequest`` and run through the session's ``TurnPipeline``. The
/// commands (Commands/) act on it; the REPL, piped input and scripts all drive it the same way.
public final class ArenaSession {
    public internal(set) var state: ArenaState
    public let registry: ModelRegistry
    public let console: any Console
    public let pace: BuiltInPace
    public internal(set) var showReasoning = true
    /// Whether the live columns render the answers' Markdown (`/markdown`, `chat --raw`).
    public var renderMarkdown = true
    /// Cancels the running turn on Ctrl-C.
    public let interrupter = Interrupter()
    /// Runs every turn past its observers (renderer, transcript, grader, tally).
    let pipeline: TurnPipeline
    /// Makes the recorder for a new transcript (after `/load`); `nil` when not recording.
    private let makeRecorder: (@Sendable (_ source: String?) -> SessionRecorder?)?
    /// Number of the last turn asked, counted over the whole session (never reused).
    public internal(set) var turnNumber = 0
    /// How deep `/run` calls are nested, to stop a script that runs itself.
    var scriptDepth = 0
    /// True while the REPL runs a message typed at the terminal: the prompt line shows it, so
    /// its turn does not repeat it above the columns.
    var messageIsOnPromptLine = false
    /// The MMLU questions, where they come from, and the question on the line.
    var mmlu: MMLUSessionState
    /// Whether a blind battle hides the models' names.
    var judging = JudgingState()
    /// The judge model used by `/judge` when none is named, and the judge's prompt templates.
    public var judgeDefaults = JudgeDefaults()
    /// Where the transcripts `/leaderboard` reads are.
    var transcriptsDirectory: String?
    /// A model's configured price, for costs.
    let pricesFor: @Sendable (String) -> ModelPrices?
    /// A model's weight in blind battles (1 unless configured; 0 never drawn).
    var weightFor: @Sendable (String) -> Double = { _ in 1 }

    /// A session with `a` and `b` in the ring. Its turns are shown by the renderers
    /// `makeRenderer` makes (a fresh one each turn, at the current size) and also reach
    /// `additionalObservers`.
    init(
        registry: ModelRegistry,
        models: SidePair<ModelDescriptor>,
        console: any Console,
        pace: BuiltInPace,
        pricesFor: @escaping @Sendable (String) -> ModelPrices? = { _ in nil },
        makeRecorder: (@Sendable (_ source: String?) -> SessionRecorder?)? = nil,
        loadMMLU: @escaping @Sendable () throws -> MMLUQuestionBank = { MMLUQuestionBank.builtIn },
        additionalObservers: [any TurnObserver] = [],
        makeRenderer: @escaping @Sendable () -> any TurnRenderer
    ) {
        self.makeRecorder = makeRecorder
        self.pricesFor = pricesFor
        mmlu = MMLUSessionState(load: loadMMLU)
        self.registry = registry
        self.console = console
        self.pace = pace
        state = ArenaState(a: Conversation(model: models.a), b: Conversation(model: models.b))
        let runner = TurnRunner(clientFor: { name in try registry.client(named: name) }, pricesFor: pricesFor)
        pipeline = .interactive(runner: runner, makeRenderer: makeRenderer, recorder: nil, additional: additionalObservers)
        pipeline.autoJudge.setShow { [console] text in console.print(text) }
        startRecording(source: nil)
    }

    /// Where the session is being recorded, if it is.
    public var recorder: SessionRecorder? { pipeline.transcript.recorder }

    /// Every observer of the session's turns, in the order they hear of them.
    var observers: [any TurnObserver] { pipeline.observers }

    /// Starts a new transcript describing the session as it stands (after a load, with its turns).
    func startRecording(source: String?) {
        recorder?.close()
        pipeline.transcript.recorder = makeRecorder?(source)
        recorder?.record(TranscriptEvent.snapshot(of: state, arenaVersion: ArenaVersion.current, source: source, firstTurn: turnNumber - state.turnCount + 1))
        recorder?.sync()
    }

    /// The line printed when arena starts.
    public var banner: String {
        let style = console.style
        return style.apply(.bold, to: "arena \(ArenaVersion.current)") + " · "
            + style.apply(.bold, .sideA, to: "A") + " " + label(.a) + "  vs  "
            + style.apply(.bold, .sideB, to: "B") + " " + label(.b)
            + "\nType a message to ask both, /help for commands, Ctrl-D to leave."
    }

    /// Asks both sides `prompt` and records the turn.
    func ask(_ prompt: String, question: MMLUQuestion? = nil, origin: TurnRequest.Origin = .message) async {
        turnNumber += 1
        let requests = SidePair(a: state.a.request(for: prompt), b: state.b.request(for: prompt))
        let answers = await run(turn(prompt, requests: requests, sides: .both, question: question, origin: origin))
        noteLastTurnQuestion(question)
        state.appendTurn(prompt: prompt, answers: answers.map { _, answer in answer ?? Answer(status: .interrupted) })
    }

    /// Asks the last question again of the sides in `selection` (`/retry`). A side that started
    /// afresh after a model change is asked it as its first question.
    func retry(_ selection: SideSelection) async throws(CommandError) {
        guard let prompt = state.lastPrompt else { throw CommandError("/retry: nothing to retry yet; ask something first") }
        let requests = SidePair(a: state.a.retryRequest(asking: prompt), b: state.b.retryRequest(asking: prompt))
        var request = turn(prompt, requests: requests, sides: selection, question: mmlu.lastTurnQuestion, origin: .retry)
        for side in Side.allCases where !selection.sides.contains(side) {
            if let last = state[side].turns.last, last.prompt == prompt { request.keptAnswers[side] = last.answer }
        }
        let answers = await run(request)
        for side in selection.sides {
            if let answer = answers[side] { state[side].recordRetry(of: prompt, answer: answer) }
        }
    }

    /// The turn numbered `turnNumber` asking `prompt` of the sides in `sides`, as the session stands.
    private func turn(_ prompt: String, requests: SidePair<ChatRequest>, sides: SideSelection, question: MMLUQuestion?, origin: TurnRequest.Origin) -> TurnRequest {
        var request = TurnRequest(
            number: turnNumber, prompt: prompt, requests: requests,
            models: SidePair(a: state.a.model, b: state.b.model),
            heading: heading(prompt, question: question, origin: origin),
            sides: sides, question: question, origin: origin)
        request.blind = judging.blind
        return request
    }

    /// What is shown above the turn: the names and, unless the prompt line shows it (a line
    /// typed at the terminal), the question; an MMLU question as its stem and choices.
    private func heading(_ prompt: String, question: MMLUQuestion?, origin: TurnRequest.Origin) -> TurnHeading {
        var heading = TurnHeading(names: SidePair(a: label(.a), b: label(.b)), showReasoning: showReasoning, renderMarkdown: renderMarkdown, number: turnNumber)
        heading.origin = origin
        guard !(origin == .message && messageIsOnPromptLine && scriptDepth == 0) else { return heading }
        if let question {
            heading.question = MMLUPrompt.stem(of: question)
            heading.choices = MMLUPrompt.choiceLines(of: question)
        } else {
            heading.question = prompt
        }
        return heading
    }

    /// Runs `turn` through the pipeline, cancellable with Ctrl-C; returns each asked side's answer.
    private func run(_ turn: TurnRequest) async -> SidePair<Answer?> {
        let pipeline = self.pipeline
        let results = await interrupter.run { await pipeline.run(turn) }
        return results.map { _, final in final?.answer }
    }

    func lookUp(_ name: String) throws(CommandError) -> ModelDescriptor {
        guard let model = registry.descriptor(named: name) else {
            throw CommandError(ModelLookupError.unknownModel(name: name, known: registry.descriptors.map(\.name)).description)
        }
        if let problem = model.problem {
            throw CommandError("model '\(model.name)' cannot be used: \(problem)")
        }
        return model
    }

    func setModel(_ model: ModelDescriptor, on side: Side) {
        if judging.blind {
            judging.blind = false
            console.print("the blind battle is over: no vote was cast")
        }
        let hadHistory = state.setModel(model, on: side)
        recorder?.record(.model(.init(side: side, descriptor: model)))
        console.print("\(side.label): \(model.displayName)" + (hadHistory ? " (side \(side.label) starts afresh)" : ""))
    }

    /// Sets (or, with `nil`, clears) the system prompt on the selected sides and records it.
    public func setSystemPrompt(_ text: String?, on selection: SideSelection) {
        state.updateSettings(selection) { $0.systemPrompt = text }
        for side in selection.sides {
            recorder?.record(.systemPrompt(.init(side: side, text: text)))
        }
    }

    func recordSettings(_ selection: SideSelection) {
        for side in selection.sides {
            recorder?.record(.settings(.init(side: side, settings: state[side].settings)))
        }
    }

    func describe(_ selection: SideSelection) -> String {
        switch selection {
        case .both: return "both sides"
        case .only(let side): return "side \(side.label)"
        }
    }

    func settingValue(_ change: SettingChange) -> String {
        switch change {
        case .temperature(let value), .topP(let value): return value.map { Self.format($0) } ?? "default"
        case .maxTokens(let value), .seed(let value): return value.map(String.init) ?? "default"
        case .stop(let value): return value.map { $0.map { $0.debugDescription }.joined(separator: " ") } ?? "default"
        }
    }

    /// The `/models` listing: every model with its provider, origin and host, marking the two in
    /// the ring; the details wrap at words under their own start on a terminal.
    func modelListing() -> String {
        let models = registry.descriptors
        let nameWidth = models.map { DisplayWidth.of($0.name) }.max() ?? 4
        let providerWidth = models.map(\.provider.rawValue.count).max() ?? 8
        var lines = [judging.blind ? "Models (A and B hidden until the vote):" : "Models (A: \(state.a.model.name), B: \(state.b.model.name)):"]
        for model in models {
            let marks = judging.blind ? "" : [state.a.model.name == model.name ? "A" : nil, state.b.model.name == model.name ? "B" : nil]
                .compactMap { $0 }.joined(separator: ",")
            var line = "  " + (marks.isEmpty ? "   " : marks.padding(toLength: 3, withPad: " ", startingAt: 0))
            line += TextSanitizer.sanitizeLine(model.name).padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
            line += model.provider.rawValue.padding(toLength: providerWidth + 2, withPad: " ", startingAt: 0)
            var detail = [model.origin == .builtIn ? nil : model.origin.rawValue, model.endpointHost, model.summary].compactMap { $0 }
            if let problem = model.problem { detail.append("unusable: \(problem)") }
            lines.append(WordWrap.row(line, TextSanitizer.sanitizeLine(detail.joined(separator: " · ")), width: console.width))
        }
        return lines.joined(separator: "\n")
    }

    /// The `/settings` table: everything in effect, per side.
    func settingsTable() -> String {
        func value<T>(_ keyPath: KeyPath<GenerationSettings, T?>, _ format: (T) -> String) -> SidePair<String> {
            SidePair(a: state.a.settings[keyPath: keyPath].map(format) ?? "default",
                     b: state.b.settings[keyPath: keyPath].map(format) ?? "default")
        }
        let rows: [(String, SidePair<String>)] = [
            ("model", SidePair(a: label(.a), b: label(.b))),
            ("provider", judging.blind ? SidePair(both: "(hidden until the vote)") : SidePair(a: state.a.model.provider.rawValue, b: state.b.model.provider.rawValue)),
            ("temperature", value(\.temperature) { Self.format($0) }),
            ("max tokens", value(\.maxTokens) { String($0) }),
            ("top_p", value(\.topP) { Self.format($0) }),
            ("seed", value(\.seed) { String($0) }),
            ("stop", value(\.stop) { $0.map { $0.debugDescription }.joined(separator: " ") }),
            ("system", SidePair(a: systemSummary(.a), b: systemSummary(.b))),
            ("turns", SidePair(a: String(state.a.turns.count), b: String(state.b.turns.count))),
        ]
        let labelWidth = rows.map(\.0.count).max()!
        let aWidth = max(12, rows.map { DisplayWidth.of($0.1.a) }.max()!)
        let style = console.style
        var lines = [String(repeating: " ", count: labelWidth + 2) + style.apply(.bold, .sideA, to: "A".padding(toLength: aWidth, withPad: " ", startingAt: 0)) + "  " + style.apply(.bold, .sideB, to: "B")]
        for (label, pair) in rows {
            let a = TextSanitizer.sanitizeLine(pair.a)
            lines.append(label.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0) + a + String(repeating: " ", count: max(0, aWidth - DisplayWidth.of(a))) + "  " + TextSanitizer.sanitizeLine(pair.b))
        }
        lines.append("built-in pace: \(pace.wordsPerSecond == 0 ? "as fast as possible" : Self.format(pace.wordsPerSecond) + " words/s") · reasoning \(showReasoning ? "shown" : "hidden")")
        return lines.joined(separator: "\n")
    }

    private func systemSummary(_ side: Side) -> String {
        guard let prompt = state[side].settings.systemPrompt else { return "(none)" }
        let oneLine = prompt.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 40 ? String(oneLine.prefix(39)) + "…" : oneLine
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// arena's version, as `--version` and transcripts give it.
public enum ArenaVersion {
    public static let current = "0.1.0"
}
