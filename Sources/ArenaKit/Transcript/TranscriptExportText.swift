import Foundation

/// Wording shared by the Markdown and HTML exports, as plain (unescaped) text.
enum TranscriptExportText {
    /// One line of what was measured about an answer: status, finish reason, timings, tokens
    /// and cost, e.g. `done · 2.1 s · first token 0.40 s · 153 tokens · 80.2 tok/s · $0.0012`.
    static func metrics(of record: TranscriptEvent.AnswerRecord) -> String {
        let answer = record.answer
        var parts: [String] = []
        switch answer.status {
        case .failed(let message): parts.append("error: \(message)")
        default: parts.append(answer.status.word)
        }
        if let reason = answer.finishReason, reason != .stop {
            // The footers' wording ("cut at max tokens"), else the reason as recorded.
            parts.append(reason.stopPhrase ?? "finish: \(reason)")
        }
        if let duration = answer.duration {
            parts.append(String(format: "%.1f s", duration))
        }
        if let ttft = answer.timeToFirstToken {
            parts.append(String(format: "first token %.2f s", ttft))
        }
        if let input = answer.usage?.inputTokens {
            parts.append("\(input) in")
        }
        let output = answer.outputTokens
        if output.count > 0 {
            parts.append("\(output.isEstimate ? "~" : "")\(output.count) tokens")
        }
        if let rate = answer.tokensPerSecond {
            parts.append(String(format: "%.1f tok/s", rate))
        }
        if let cost = record.cost {
            parts.append(cost.currency == "USD" ? String(format: "$%.4f", cost.amount) : String(format: "%.4f %@", cost.amount, cost.currency))
        }
        if let source = record.adoptedFrom {
            parts.append("adopted from \(source.label)")
        }
        return parts.joined(separator: " · ")
    }

    /// `Side A · model` for an answer's heading.
    static func heading(side: Side, model: String) -> String {
        "\(side.label) · \(model)"
    }

    /// The model that gave an answer on `side` of `turn`.
    static func modelName(_ turn: LoadedTurn, _ side: Side) -> String {
        turn.answers[side]?.model ?? turn.models[side].name
    }

    /// A time as `2026-11-25 15:31:59 UTC`.
    static func time(_ date: Date) -> String {
        let stamp = TranscriptTimestamp.string(from: date)
        return stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(8) + " UTC"
    }

    /// The line under the title: start time, arena version and the source transcript.
    static func sessionLine(_ transcript: LoadedTranscript) -> String {
        var parts: [String] = []
        if let started = transcript.startedAt { parts.append("Started \(time(started))") }
        if let version = transcript.header?.arenaVersion { parts.append("arena \(version)") }
        if let source = transcript.source { parts.append("continues \(source)") }
        return parts.joined(separator: " · ")
    }

    /// A sentence for a change of model, settings or system prompt, a swap or a clear; `nil`
    /// for events that are not such changes. The session's opening setup is not worded.
    static func change(_ event: TranscriptEvent) -> String? {
        switch event {
        case .model(let identity):
            return "Side \(identity.side.label) now uses \(identity.name) (\(identity.provider))."
        case .settings(let change):
            return "Side \(change.side.label) settings: \(settingsSummary(change))."
        case .systemPrompt(let change):
            if let text = change.text { return "Side \(change.side.label) system prompt: “\(text)”" }
            return "Side \(change.side.label) system prompt removed."
        case .swap:
            return "Sides swapped."
        case .clear:
            return "History cleared."
        case .note(let note):
            return "Note: \(note.text)"
        case .reveal(let reveal):
            return "Revealed: A was \(reveal.modelA), B was \(reveal.modelB)."
        case .judgeVerdict(let verdict):
            return "The judge \(verdict.judge) on turn \(verdict.turn): \(verdict.summary)."
        default:
            return nil
        }
    }

    static func settingsSummary(_ change: TranscriptEvent.SettingsChange) -> String {
        var parts: [String] = []
        if let value = change.temperature { parts.append("temperature \(value)") }
        if let value = change.maxTokens { parts.append("max tokens \(value)") }
        if let value = change.topP { parts.append("top_p \(value)") }
        if let value = change.seed { parts.append("seed \(value)") }
        if let value = change.stop { parts.append("stop \(value.map { "“\($0)”" }.joined(separator: ", "))") }
        return parts.isEmpty ? "defaults" : parts.joined(separator: ", ")
    }

    /// The sentence for a vote.
    static func vote(_ vote: TranscriptEvent.Vote) -> String {
        let who: String
        switch vote.verdict {
        case .a: who = "A (\(vote.modelA)) is better"
        case .b: who = "B (\(vote.modelB)) is better"
        case .tie: who = "tie"
        case .bad: who = "both bad"
        }
        return "Vote: \(who)" + (vote.anonymous ? " (blind)" : "") + "."
    }

    /// The sentence for a grade.
    static func grade(_ grade: TranscriptEvent.Grade) -> String {
        let answered = grade.isUnclear ? "gave conflicting answers" : grade.extractedLetter.map { "answered \($0)" } ?? "gave no letter"
        let verdict = grade.isCorrect ? "right" : grade.isUnclear ? "unclear" : "wrong"
        return "Grade: \(grade.side.label) \(answered): \(verdict) (correct: \(grade.correctLetter))."
    }

    /// The events of `transcript` in order, with the setup before the first turn left out,
    /// each user event paired with its ``LoadedTurn``.
    enum Item {
        case turn(LoadedTurn)
        case change(String)
    }

    static func items(of transcript: LoadedTranscript) -> [Item] {
        var items: [Item] = []
        var turnIterator = transcript.turns.makeIterator()
        var sawTurn = false
        for record in transcript.records {
            if case .user = record.event {
                if let turn = turnIterator.next() { items.append(.turn(turn)) }
                sawTurn = true
            } else if case .note = record.event, let text = change(record.event) {
                items.append(.change(text))
            } else if sawTurn, let text = change(record.event) {
                items.append(.change(text))
            }
        }
        return items
    }
}
