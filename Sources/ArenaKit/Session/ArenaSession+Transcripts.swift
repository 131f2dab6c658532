import Foundation

extension ArenaSession {
    /// `/save PATH`: the live transcript's records (everything, also turns a `/clear` removed
    /// from the conversations), or a snapshot of the conversations when not recording.
    func save(to path: String) throws(CommandError) {
        let records: [TranscriptRecord]
        if let recorder, let live = recorder.path {
            recorder.sync()
            do {
                records = try TranscriptReader.records(path: live).records
            } catch {
                throw CommandError("/save: cannot read the live transcript \(live): \(error)")
            }
        } else {
            records = TranscriptEvent.snapshot(of: state, arenaVersion: ArenaVersion.current).map { TranscriptRecord(event: $0) }
        }
        do {
            try TranscriptWriter.save(records, to: path)
        } catch {
            throw CommandError("/save: \(error)")
        }
        // Counted from what was written, as `/export` counts: every recorded question, also
        // those a `/clear` or a model change removed from the conversations.
        let written = LoadedTranscript(file: path, records: records).turns.count
        console.print("saved \(written) turn\(written == 1 ? "" : "s") to \(path)")
    }

    /// `/load PATH`: both conversations, models and settings from a transcript; the session
    /// continues in a new transcript that names the loaded one as its source.
    func load(from path: String) throws(CommandError) {
        let loaded = try Self.loadTranscript(path, command: "/load")
        for warning in loaded.warnings {
            console.error("\(path): warning: \(warning)")
        }
        var restored = loaded.state
        for side in Side.allCases {
            let recorded = restored[side].model
            if let current = registry.descriptor(named: recorded.name) {
                restored[side].model = current
            } else {
                console.error("\(path): model '\(recorded.name)' (side \(side.label)) is not configured here; pick another with /model \(side.rawValue) NAME")
            }
        }
        state = restored
        turnNumber = loaded.turns.map(\.number).max() ?? state.turnCount
        noteLoadedLastTurn(loaded.turns.last?.mmlu)
        startRecording(source: path)
        console.print("loaded \(state.turnCount) turn\(state.turnCount == 1 ? "" : "s") from \(path): A \(state.a.model.displayName), B \(state.b.model.displayName)")
    }

    /// `/export md|html PATH`.
    func export(_ format: ExportFormat, to path: String) throws(CommandError) {
        let transcript = currentTranscript()
        let text = format == .markdown ? MarkdownTranscriptExporter.render(transcript) : HTMLTranscriptExporter.render(transcript)
        do {
            try PrivateFile.write(text, to: path)
        } catch {
            throw CommandError("/export: \(error)")
        }
        console.print("exported \(transcript.turns.count) turn\(transcript.turns.count == 1 ? "" : "s") to \(path)")
    }

    /// The session so far as a loaded transcript: the live file when recording, else a snapshot.
    func currentTranscript() -> LoadedTranscript {
        if let recorder, let live = recorder.path {
            recorder.sync()
            if let (transcript, _) = try? TranscriptReader.load(path: live) { return transcript }
        }
        let records = TranscriptEvent.snapshot(of: state, arenaVersion: ArenaVersion.current).map { TranscriptRecord(event: $0) }
        return LoadedTranscript(file: "session", records: records)
    }

    /// `/replay FILE`: every question of FILE again, with its settings, against the current models.
    func replay(_ path: String) async throws(CommandError) {
        let loaded = try Self.loadTranscript(path, command: "/replay")
        let summary = await replay(loaded)
        console.print("replayed \(summary.turns) turn\(summary.turns == 1 ? "" : "s") from \(path)" + (summary.failures > 0 ? "; \(summary.failures) answer\(summary.failures == 1 ? "" : "s") failed" : ""))
    }

    /// Re-asks every user turn of `transcript` in order, applying the settings and system
    /// prompts that were in effect for each, and clearing a side's history where the original
    /// did. Afterwards the session's own settings and system prompts are back in effect.
    /// Returns how many turns were asked and how many answers failed.
    public func replay(_ transcript: LoadedTranscript) async -> (turns: Int, failures: Int) {
        var asked = 0
        var failures = 0
        let sessionSettings = SidePair(a: state.a.settings, b: state.b.settings)
        defer { restoreSettings(sessionSettings) }
        for turn in transcript.turns {
            if Task.isCancelled { break }
            for side in Side.allCases {
                if turn.historyResetBefore[side] && !state[side].turns.isEmpty {
                    var conversation = state[side]
                    conversation.clear()
                    state[side] = conversation
                }
                applySettings(turn.settings[side], on: side)
            }
            await ask(turn.prompt, origin: .replay)
            asked += 1
            for side in Side.allCases {
                if case .failed = state[side].turns.last?.answer.status { failures += 1 }
            }
            if case .interrupted = state.a.turns.last?.answer.status { break }
        }
        return (asked, failures)
    }

    /// Puts `settings` in effect on `side` and records them, when they differ from what is.
    private func applySettings(_ settings: GenerationSettings, on side: Side) {
        guard state[side].settings != settings else { return }
        state[side].settings = settings
        recorder?.record(.settings(.init(side: side, settings: settings)))
        recorder?.record(.systemPrompt(.init(side: side, text: settings.systemPrompt)))
    }

    /// The settings the session had before a replay, back in effect on both sides.
    private func restoreSettings(_ settings: SidePair<GenerationSettings>) {
        for side in Side.allCases { applySettings(settings[side], on: side) }
    }

    /// Reads a transcript for a command, turning every problem into one clear message.
    static func loadTranscript(_ path: String, command: String) throws(CommandError) -> LoadedTranscript {
        do {
            return try TranscriptReader.load(path: path).transcript
        } catch {
            throw CommandError("\(command): \(error)")
        }
    }
}
