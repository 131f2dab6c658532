import Testing
@testable import ArenaKit

@Suite struct ConversationTests {
    let echo = ModelDescriptor(name: "echo", provider: .builtIn, origin: .builtIn)
    let scribe = ModelDescriptor(name: "scribe", provider: .builtIn, origin: .builtIn)

    @Test func requestCarriesSystemPromptHistoryAndNewPrompt() {
        var conversation = Conversation(model: echo, settings: GenerationSettings(systemPrompt: "Be brief."))
        conversation.append(Turn(prompt: "hi", answer: Answer(text: "hello", status: .done)))
        let request = conversation.request(for: "again")
        #expect(request.messages == [.system("Be brief."), .user("hi"), .assistant("hello"), .user("again")])
    }

    @Test func failedTurnsWithoutTextAreLeftOutOfHistory() {
        var conversation = Conversation(model: echo)
        conversation.append(Turn(prompt: "one", answer: Answer(status: .failed(message: "HTTP 500"))))
        conversation.append(Turn(prompt: "two", answer: Answer(text: "2", status: .interrupted)))
        #expect(conversation.request(for: "three").messages == [.user("two"), .assistant("2"), .user("three")])
    }

    @Test func retryRequestAsksTheLastPromptAgain() {
        var conversation = Conversation(model: echo)
        conversation.append(Turn(prompt: "one", answer: Answer(text: "1", status: .done)))
        conversation.append(Turn(prompt: "two", answer: Answer(text: "2", status: .done)))
        #expect(conversation.retryRequest()?.messages == [.user("one"), .assistant("1"), .user("two")])
        #expect(Conversation(model: echo).retryRequest() == nil)
    }

    @Test func retryOnASideThatStartedAfreshAsksTheLastPromptAsItsFirstTurn() {
        var state = ArenaState(a: Conversation(model: echo), b: Conversation(model: echo))
        state.appendTurn(prompt: "one", answers: SidePair(both: Answer(text: "1", status: .done)))
        state.appendTurn(prompt: "two", answers: SidePair(both: Answer(text: "2", status: .done)))
        state.setModel(scribe, on: .b)
        #expect(state.lastPrompt == "two")
        #expect(state.b.retryRequest(asking: "two").messages == [.user("two")])
        #expect(state.a.retryRequest(asking: "two").messages == [.user("one"), .assistant("1"), .user("two")])
        var b = state.b
        b.recordRetry(of: "two", answer: Answer(text: "new", status: .done))
        b.recordRetry(of: "two", answer: Answer(text: "newer", status: .done))
        #expect(b.turns == [Turn(prompt: "two", answer: Answer(text: "newer", status: .done))])
        state.clear()
        #expect(state.lastPrompt == nil)
    }

    @Test func changingOneSidesModelStartsThatSideAfresh() {
        var state = ArenaState(a: Conversation(model: echo), b: Conversation(model: echo))
        state.appendTurn(prompt: "hi", answers: SidePair(both: Answer(text: "hi", status: .done)))
        let restartedB = state.setModel(scribe, on: .b)
        #expect(restartedB)
        #expect(state.a.turns.count == 1)
        #expect(state.b.turns.isEmpty)
        #expect(state.b.model.name == "scribe")
        let restartedA = state.setModel(echo, on: .a)
        #expect(!restartedA)
        #expect(state.a.turns.count == 1)
    }

    @Test func settingsChangeOnlyTheSelectedSide() {
        var state = ArenaState(a: Conversation(model: echo), b: Conversation(model: scribe))
        state.updateSettings(.only(.b)) { $0.temperature = 0.2 }
        #expect(state.a.settings.temperature == nil)
        #expect(state.b.settings.temperature == 0.2)
        state.updateSettings(.both) { $0.maxTokens = 50 }
        #expect(state.a.settings.maxTokens == 50 && state.b.settings.maxTokens == 50)
    }

    @Test func swapExchangesEverything() {
        var state = ArenaState(a: Conversation(model: echo), b: Conversation(model: scribe, settings: GenerationSettings(seed: 7)))
        state.swapSides()
        #expect(state.a.model.name == "scribe" && state.a.settings.seed == 7)
        #expect(state.b.model.name == "echo")
    }
}
