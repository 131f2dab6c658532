/// One turn as the judge needs it: the question, both answers, the models' names (for the
/// record, never for the judge's prompt) and, for MMLU questions, the right answer.
struct JudgedTurn: Sendable, Hashable {
    var number: Int
    var question: String
    var answers: SidePair<String>
    var models: SidePair<String>
    /// True in a blind battle before the reveal: the verdict is recorded as anonymous.
    var anonymous: Bool
    /// The known right answer ("The correct answer is (C) Paris."), for reference-guided grading.
    var reference: String?

    /// The reference text for an MMLU question whose right letter (and choice text) is known.
    static func mmluReference(letter: String?, text: String? = nil) -> String? {
        guard let letter else { return nil }
        return "The correct answer is (\(letter))" + (text.map { " \($0)" } ?? "") + "."
    }
}

extension Judge {
    /// Judges `turn` (`kind`: compared in both orders, or each answer rated) and returns the
    /// transcript event recording it.
    func verdict(on turn: JudgedTurn, kind: TranscriptEvent.JudgeKind) async throws(JudgeError) -> TranscriptEvent.JudgeVerdict {
        switch kind {
        case .pairwise:
            let (judgement, replies) = try await comparePair(question: turn.question, answers: turn.answers)
            return TranscriptEvent.JudgeVerdict(
                turn: turn.number, judge: name, template: templateVersion(.pairwise), kind: .pairwise,
                modelA: turn.models.a, modelB: turn.models.b, anonymous: turn.anonymous,
                verdict: judgement.verdict, consistent: judgement.isConsistent,
                orderVerdicts: [judgement.aFirst, judgement.bFirst], replies: replies)
        case .score:
            async let a = rateResult(turn, .a)
            async let b = rateResult(turn, .b)
            let rated = [try await a.get(), try await b.get()]
            return TranscriptEvent.JudgeVerdict(
                turn: turn.number, judge: name, template: templateVersion(.score, withReference: turn.reference != nil), kind: .score,
                modelA: turn.models.a, modelB: turn.models.b, anonymous: turn.anonymous,
                scores: rated.map(\.score), replies: rated.map(\.reply))
        }
    }

    private func rateResult(_ turn: JudgedTurn, _ side: Side) async -> Result<(score: Double, reply: String), JudgeError> {
        do throws(JudgeError) {
            return .success(try await rate(question: turn.question, answer: turn.answers[side], reference: turn.reference))
        } catch {
            return .failure(error)
        }
    }
}

extension TranscriptEvent.JudgeVerdict {
    /// The verdict as shown under a turn: the outcome, then each reply's short reason, with
    /// "A"/"B" labels only. Everything from the judge is sanitised.
    public var displayText: String {
        var lines = ["judge \(TextSanitizer.sanitizeLine(judge)) on turn \(turn): \(summary)"]
        let labels = kind == .pairwise ? ["A shown first", "B shown first"] : ["A", "B"]
        for (index, reply) in replies.enumerated() where index < labels.count {
            var label = labels[index]
            if kind == .pairwise, let verdicts = orderVerdicts, index < verdicts.count {
                label += " → " + (verdicts[index] == .tie ? "tie" : verdicts[index].rawValue.uppercased())
            }
            lines.append("  \(label): " + TextSanitizer.sanitizeLine(JudgeVerdictParser.reason(in: reply)))
        }
        return lines.joined(separator: "\n")
    }
}
