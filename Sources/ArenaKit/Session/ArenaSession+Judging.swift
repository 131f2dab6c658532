import Foundation

/// What the session remembers for judging beyond its answers and votes (which the turn
/// pipeline's ``AnswerTally`` counts): whether a blind battle hides the names.
struct JudgingState {
    /// True while the two models' names are hidden.
    var blind = false
}

extension ArenaSession {
    /// The label a side is shown under: "Model A" in a blind battle, the model's name otherwise.
    func label(_ side: Side) -> String {
        judging.blind ? "Model \(side.label)" : TextSanitizer.sanitizeLine(state[side].model.displayName)
    }

    /// `/battle` (and `arena --blind`): two different models drawn at random from every usable
    /// model, weighted by their configured `weight`, on random sides, names hidden until `/vote`.
    public func startBattle() throws(CommandError) {
        var pool = registry.descriptors.filter { $0.problem == nil && !$0.name.hasSuffix("@recorded") }
            .map { ($0, max(0, weightFor($0.name))) }.filter { $0.1 > 0 }
        guard pool.count >= 2 else {
            throw CommandError("/battle: needs at least two usable models, found \(pool.count); see /models")
        }
        var generator = SystemRandomNumberGenerator()
        var drawn: [ModelDescriptor] = []
        for _ in 0..<2 {
            let total = pool.reduce(0) { $0 + $1.1 }
            var point = Double.random(in: 0..<total, using: &generator)
            let index = pool.firstIndex { entry in
                point -= entry.1
                return point < 0
            } ?? pool.count - 1
            drawn.append(pool.remove(at: index).0)
        }
        for (side, model) in zip(Side.allCases, drawn) {
            state.setModel(model, on: side)
            var conversation = state[side]
            conversation.clear()
            state[side] = conversation
            recorder?.record(.model(.init(side: side, descriptor: model, blind: true)))
        }
        recorder?.record(.clear)
        judging.blind = true
        console.print("Blind battle: Model A vs Model B. Ask away; /vote a|b|tie|bad reveals who they are.")
    }

    func vote(_ verdict: TranscriptEvent.Verdict) throws(CommandError) {
        guard state.turnCount > 0 else { throw CommandError("/vote: nothing to judge yet; ask something first") }
        let anonymous = judging.blind
        recorder?.record(.vote(.init(turn: turnNumber, verdict: verdict, anonymous: anonymous, modelA: state.a.model.name, modelB: state.b.model.name)))
        pipeline.tally.recordVote(verdict, turn: turnNumber)
        let verdictText: String
        switch verdict {
        case .a: verdictText = "A wins"
        case .b: verdictText = "B wins"
        case .tie: verdictText = "a tie"
        case .bad: verdictText = "both bad"
        }
        console.print("vote recorded for turn \(turnNumber): \(verdictText)" + (anonymous ? " (anonymous)" : ""))
        if anonymous {
            judging.blind = false
            recorder?.record(.reveal(.init(turn: turnNumber, modelA: state.a.model.name, modelB: state.b.model.name)))
            console.print("Model A was \(state.a.model.displayName); Model B was \(state.b.model.displayName).")
        }
        recorder?.sync()
    }

    func adopt(_ side: Side) throws(CommandError) {
        guard let chosen = state[side].turns.last?.answer, !chosen.text.isEmpty else {
            throw CommandError("/adopt: side \(side.label) has no answer to adopt")
        }
        let other = side.other
        state[other].replaceLastAnswer(with: chosen)
        recorder?.record(.answer(.init(turn: turnNumber, side: other, model: state[other].model.name, answer: chosen, adoptedFrom: side)))
        recorder?.sync()
        console.print("side \(other.label) now goes on from side \(side.label)'s answer")
    }

    /// `/diff`: the last two answers side by side with the differences marked, or as one
    /// merged text, as `view` and the output's width decide (see ``DiffView``).
    func showDiff(_ view: DiffView = .automatic) throws(CommandError) {
        guard let a = state.a.turns.last?.answer.text, let b = state.b.turns.last?.answer.text else {
            throw CommandError("/diff: no answers to compare yet")
        }
        // A tab's width depends on where it falls; as in the columns, it counts as 4 spaces.
        func prepared(_ text: String) -> String { TextSanitizer.sanitize(text).replacingOccurrences(of: "\t", with: "    ") }
        let segments = WordDiff.segments(from: prepared(a), to: prepared(b))
        let style = console.style
        let labels = SidePair(a: TextSanitizer.sanitizeLine(label(.a)), b: TextSanitizer.sanitizeLine(label(.b)))
        if let width = view.columnsWidth(output: console.width) {
            console.print(SideBySideDiffLayout.lines(segments, labels: labels, width: width, style: style).joined(separator: "\n"))
            return
        }
        let legend = [
            DiffSegment(kind: .deleted, text: "A only"), DiffSegment(kind: .equal, text: " " + labels.a + " · "),
            DiffSegment(kind: .inserted, text: "B only"), DiffSegment(kind: .equal, text: " " + labels.b),
        ]
        var lines = WordDiffLayout.lines(legend, width: console.width, style: style)
        lines += WordDiffLayout.lines(segments, width: console.width, style: style)
        console.print(lines.joined(separator: "\n"))
    }

    func showStats() throws(CommandError) {
        guard !judging.blind else {
            throw CommandError("/stats would tell the models apart: vote first (/vote a|b|tie|bad)")
        }
        guard pipeline.tally.count > 0 else {
            console.print("no answers yet")
            return
        }
        let samples = pipeline.tally.samples(pricesFor: pricesFor)
        console.print(SessionStatistics.renderText(SessionStatistics.summarize(samples)))
    }

    /// `/leaderboard [all]`, or with `judge` the ratings from that judge's verdicts.
    func showLeaderboard(includeNamed: Bool = false, judge: String? = nil) throws(CommandError) {
        guard let directory = transcriptsDirectory else {
            throw CommandError("/leaderboard: no transcripts directory (recording is off)")
        }
        recorder?.sync()
        let report: LeaderboardReport
        if let judge {
            report = try LeaderboardReport.make(directory: directory, judge: judge)
        } else {
            report = try LeaderboardReport.make(directory: directory, includeNamed: includeNamed)
        }
        console.print(report.text(style: console.style))
        for note in report.notes { console.error(note) }
    }
}
