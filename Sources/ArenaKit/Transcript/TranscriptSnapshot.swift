import Foundation

extension TranscriptEvent {
    /// The events that describe `state` from scratch: a header, each side's model, settings
    /// and system prompt, then every turn with both answers. For `/save` with no live
    /// transcript, and for tests. Turns are numbered from `firstTurn`.
    public static func snapshot(
        of state: ArenaState,
        arenaVersion: String,
        source: String? = nil,
        firstTurn: Int = 1
    ) -> [TranscriptEvent] {
        var events: [TranscriptEvent] = [.session(SessionStart(arenaVersion: arenaVersion, source: source))]
        for side in Side.allCases {
            let conversation = state[side]
            events.append(.model(ModelIdentity(side: side, descriptor: conversation.model)))
            events.append(.settings(SettingsChange(side: side, settings: conversation.settings)))
            if let prompt = conversation.settings.systemPrompt {
                events.append(.systemPrompt(SystemPromptChange(side: side, text: prompt)))
            }
        }
        for (offset, turnA) in state.a.turns.enumerated() {
            let number = firstTurn + offset
            events.append(.user(UserTurn(turn: number, prompt: turnA.prompt)))
            events.append(.answer(AnswerRecord(turn: number, side: .a, model: state.a.model.name, answer: turnA.answer)))
            if offset < state.b.turns.count {
                events.append(.answer(AnswerRecord(turn: number, side: .b, model: state.b.model.name, answer: state.b.turns[offset].answer)))
            }
        }
        return events
    }
}
