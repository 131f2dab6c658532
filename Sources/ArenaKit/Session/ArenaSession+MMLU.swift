import Foundation

/// What a session knows about MMLU: the question bank (loaded when first needed), the subject
/// picked, the questions last listed, a question put on the prompt line, and the question the
/// conversation's last turn asked. (The score is kept by the turn pipeline's grader.)
struct MMLUSessionState {
    private let load: @Sendable () throws -> MMLUQuestionBank
    private var loaded: MMLUQuestionBank?
    var subject: MMLUSubject?
    var listed: [MMLUQuestion] = []
    var onTheLine: MMLUQuestion?
    /// The MMLU question the conversation's last turn asked (`nil` for any other question):
    /// what `/retry` grades the new answers against and `/judge score` shows the judge.
    var lastTurnQuestion: MMLUQuestion?
    /// The right letter a loaded transcript recorded with its last turn, when the question is
    /// not in this bank (so only the letter is known).
    var lastTurnRecordedLetter: String?
    var generator = SystemRandomNumberGenerator()

    init(load: @escaping @Sendable () throws -> MMLUQuestionBank) {
        self.load = load
    }

    mutating func bank() throws(CommandError) -> MMLUQuestionBank {
        if let loaded { return loaded }
        do {
            let bank = try load()
            loaded = bank
            return bank
        } catch {
            throw CommandError("MMLU: \(error)")
        }
    }

    /// The question a message stands for: the one put on the line by `/random`, sent unchanged.
    mutating func question(sentAs text: String) -> MMLUQuestion? {
        defer { onTheLine = nil }
        guard let question = onTheLine, text == MMLUPrompt.oneLine(for: question) else { return nil }
        return question
    }
}

extension ArenaSession {
    /// Notes the MMLU question the conversation's last turn asked (`nil`: not one).
    func noteLastTurnQuestion(_ question: MMLUQuestion?) {
        mmlu.lastTurnQuestion = question
        mmlu.lastTurnRecordedLetter = nil
    }

    /// After `/load`: the loaded transcript's last turn's question, found in the bank by its
    /// recorded subject, split and row (and right letter, when recorded); only the letter
    /// when the bank here does not hold it.
    func noteLoadedLastTurn(_ reference: TranscriptEvent.MMLUReference?) {
        noteLastTurnQuestion(nil)
        guard let reference else { return }
        let id = "\(reference.subject)/\(reference.split ?? "")/\(reference.index ?? -1)"
        if let question = try? mmlu.bank().question(withID: id), reference.answer.map({ $0 == question.answer.letter }) ?? true {
            mmlu.lastTurnQuestion = question
        } else {
            mmlu.lastTurnRecordedLetter = reference.answer
        }
    }

    /// What `/judge score` tells the judge about the last turn's right answer, when it asked
    /// an MMLU question whose answer is known.
    var lastTurnReference: String? {
        if let question = mmlu.lastTurnQuestion {
            return JudgedTurn.mmluReference(letter: question.answer.letter, text: question.answerText)
        }
        return JudgedTurn.mmluReference(letter: mmlu.lastTurnRecordedLetter)
    }

    /// Text the line editor should offer at the next prompt (from `/random`), taken once.
    func takeLineToEdit() -> String? {
        guard let question = mmlu.onTheLine else { return nil }
        return MMLUPrompt.oneLine(for: question)
    }

    /// Subject names, for completion (loads the bank when first asked).
    public func subjectNames() -> [String] {
        (try? mmlu.bank().subjects.map(\.name)) ?? []
    }

    func selectSubject(_ name: String?) throws(CommandError) {
        let bank = try mmlu.bank()
        guard let name else {
            console.print(MMLUSubjectTable.render(bank))
            console.print("using \(bank.sourceDescription)" + (mmlu.subject.map { "; subject picked: \($0.name)" } ?? ""))
            return
        }
        if name == "all" || name == "none" {
            mmlu.subject = nil
            console.print("questions now come from all \(bank.subjects.count) subjects")
            return
        }
        guard let subject = bank.subject(named: name) else {
            throw CommandError("/subject: no subject named '\(name)' in \(bank.sourceDescription); type /subject for the list")
        }
        mmlu.subject = subject
        list(bank.firstQuestions(5, of: subject), heading: "\(subject.displayName): \(bank.count(of: subject)) questions; the first \(min(5, bank.count(of: subject))):")
    }

    func showExamples(_ count: Int?, split: MMLUSplit = .test) throws(CommandError) {
        let bank = try mmlu.bank()
        let questions = bank.randomQuestions(count ?? 5, of: mmlu.subject, split: split, using: &mmlu.generator)
        guard !questions.isEmpty else {
            throw CommandError("/examples: no \(split) questions in \(questionPlace(bank))")
        }
        let from = mmlu.subject?.displayName ?? "all subjects"
        list(questions, heading: "\(questions.count) random \(split == .test ? "" : "\(split) ")question\(questions.count == 1 ? "" : "s") from \(from):")
    }

    /// Where questions were looked for, for a message: the subject picked, if any, of the bank
    /// ("astronomy of the built-in question set (60 questions in 12 subjects)").
    private func questionPlace(_ bank: MMLUQuestionBank) -> String {
        (mmlu.subject.map { "\($0.displayName) of the " } ?? "the ") + bank.sourceDescription
    }

    func putRandomQuestionOnTheLine(split: MMLUSplit = .test) throws(CommandError) {
        let bank = try mmlu.bank()
        guard let question = bank.randomQuestion(of: mmlu.subject, split: split, using: &mmlu.generator) else {
            throw CommandError("/random: no \(split) questions in \(questionPlace(bank))")
        }
        mmlu.onTheLine = question
        console.print("\(question.subject.displayName), \(question.id): on the prompt line; send it as it is to have both answers graded")
    }

    func askExample(_ number: Int) async throws(CommandError) {
        guard !mmlu.listed.isEmpty else {
            throw CommandError("/ask: no questions listed yet; use /subject NAME or /examples first")
        }
        guard number <= mmlu.listed.count else {
            throw CommandError("/ask: expected a number from 1 to \(mmlu.listed.count), got \(number)")
        }
        let question = mmlu.listed[number - 1]
        await ask(MMLUPrompt.text(for: question), question: question)
    }

    func showScore() {
        let scores = pipeline.grader.scores
        guard scores.a.total + scores.b.total > 0 else {
            console.print("no graded questions yet: try /subject, then /ask 1")
            return
        }
        for side in Side.allCases {
            console.print("\(side.label) \(label(side)): \(scores[side])")
        }
    }

    private func list(_ questions: [MMLUQuestion], heading: String) {
        mmlu.listed = questions
        var lines = [heading]
        for (offset, question) in questions.enumerated() {
            let text = TextSanitizer.sanitizeLine(question.question.trimmingCharacters(in: .whitespacesAndNewlines))
            let short = text.count > 110 ? WordWrap.shortened(text, toCells: 110) : text
            lines.append(WordWrap.row(String(format: "%3d. ", offset + 1), short, width: console.width))
        }
        lines.append("/ask N sends one with its choices; both answers are graded.")
        console.print(lines.joined(separator: "\n"))
    }
}

extension MMLUPrompt {
    /// The question on one line, for the prompt line: `Question? A) … B) … C) … D) … Answer with …`.
    public static func oneLine(for question: MMLUQuestion) -> String {
        let flat: (String) -> String = { text in
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                .trimmingCharacters(in: .whitespaces)
        }
        var parts = [flat(question.question)]
        for choice in MMLUChoice.allCases {
            parts.append("\(choice.letter)) \(flat(question.text(of: choice)))")
        }
        parts.append(instruction)
        return parts.joined(separator: " ")
    }
}
