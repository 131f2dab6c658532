import Synchronization

/// A judge model, asked through its ordinary ``ModelClient`` (so retries on 429/503,
/// Retry-After, timeouts and errors work as for any answer), its replies collected as text with
/// no rendering.
///
/// The judge sees the question and the answers as "Assistant A" / "Assistant B" only: model
/// names never reach its prompt.
struct Judge: Sendable {
    /// The judge model's name, as recorded with its verdicts.
    let name: String
    let client: any ModelClient
    let templates: JudgeTemplates

    /// The settings every judge request uses: deterministic, room for an explanation.
    static let settings = GenerationSettings(temperature: 0, maxTokens: 2048)

    /// Judges `answers` to `question` in both orders (concurrently).
    func comparePair(question: String, answers: SidePair<String>) async throws(JudgeError) -> (judgement: PairwiseJudgement, replies: [String]) {
        let template = templates.pairwise
        async let aFirst = ask(template, ["question": question, "answer_a": answers.a, "answer_b": answers.b])
        async let bFirst = ask(template, ["question": question, "answer_a": answers.b, "answer_b": answers.a])
        let replies = [await aFirst, await bFirst]
        var choices: [JudgeVerdictParser.Choice] = []
        var texts: [String] = []
        for reply in replies {
            let text = try reply.get()
            guard let choice = JudgeVerdictParser.choice(in: text) else {
                throw noVerdict(in: text, expected: "[[A]], [[B]] or [[C]]")
            }
            choices.append(choice)
            texts.append(text)
        }
        return (PairwiseJudgement(aFirst: choices[0], bFirst: choices[1]), texts)
    }

    /// Rates `answer` to `question` from 1 to 10; against `reference` when the right answer is known.
    func rate(question: String, answer: String, reference: String?) async throws(JudgeError) -> (score: Double, reply: String) {
        let reply: String
        if let reference {
            reply = try await ask(templates.reference, ["question": question, "answer": answer, "reference": reference]).get()
        } else {
            reply = try await ask(templates.single, ["question": question, "answer": answer]).get()
        }
        guard let score = JudgeVerdictParser.rating(in: reply) else {
            throw noVerdict(in: reply, expected: "Rating: [[1]] to [[10]]")
        }
        return (score, reply)
    }

    /// The template version used for `kind` of judging (single-answer grades of questions with a
    /// known answer use the reference template).
    func templateVersion(_ kind: TranscriptEvent.JudgeKind, withReference: Bool = false) -> String {
        switch kind {
        case .pairwise: return templates.pairwise.version
        case .score: return withReference ? templates.reference.version : templates.single.version
        }
    }

    private func noVerdict(in reply: String, expected: String) -> JudgeError {
        let tail = TextSanitizer.sanitizeLine(String(reply.suffix(80)).split(whereSeparator: \.isNewline).joined(separator: " "))
        return .noVerdict(judge: name, expected: expected, excerpt: tail)
    }

    /// One request to the judge; its whole reply text.
    private func ask(_ template: JudgeTemplate, _ values: [String: String]) async -> Result<String, JudgeError> {
        let request = ChatRequest(messages: [.system(template.system), .user(template.render(values))], settings: Self.settings)
        let sink = ReplyText()
        do {
            try await client.stream(request, into: sink)
        } catch is CancellationError {
            return .failure(.failed(judge: name, reason: "cancelled"))
        } catch {
            return .failure(.failed(judge: name, reason: TextSanitizer.sanitizeLine("\(error)")))
        }
        return .success(sink.text)
    }
}

/// Collects a judge's reply: its text only (reasoning, usage and the rest are not needed).
private final class ReplyText: AnswerSink {
    private let collected = Mutex("")

    var text: String { collected.withLock { $0 } }

    func receive(_ event: AnswerEvent) {
        if case .text(let piece) = event { collected.withLock { $0 += piece } }
    }
}
