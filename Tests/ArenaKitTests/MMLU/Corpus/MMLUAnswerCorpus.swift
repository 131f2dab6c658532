@testable import ArenaKit

/// A realistic answer to an MMLU question and how a careful reader grades it: the corpus behind
/// `MMLUAnswerCorpusTests` and the agreement figures in docs/mmlu.md.
struct MMLUCorpusCase: Sendable, CustomStringConvertible {
    /// The question the answer was given to, by its choices.
    enum Question: Sendable {
        /// Which organelle makes most of a cell's ATP? Nucleus, Ribosome, Mitochondrion, Golgi apparatus.
        case cell
        /// What is 2 + 2? 2, 4, 6, 8.
        case sum
        /// What is the capital of France? Berlin, Madrid, Paris, Rome.
        case capital

        var choices: [String] {
            switch self {
            case .cell: return ["Nucleus", "Ribosome", "Mitochondrion", "Golgi apparatus"]
            case .sum: return ["2", "4", "6", "8"]
            case .capital: return ["Berlin", "Madrid", "Paris", "Rome"]
            }
        }
    }

    var response: String
    var expected: MMLUAnswerReading
    var question: Question
    /// The corpus group: short, verbose, markdown, list, reasoning, language, adversarial, conflict, held-out.
    var group: String

    var description: String { "[\(group)] \(response.debugDescription) → \(expected)" }
}

/// All corpus cases.
enum MMLUAnswerCorpus {
    static var all: [MMLUCorpusCase] { short + verbose + markdown + lists + reasoning + languages + adversarial + conflicts + heldOut }
}

/// Builds cases of one group tersely.
struct MMLUCorpusGroup {
    let name: String
    private(set) var cases: [MMLUCorpusCase] = []

    init(_ name: String) { self.name = name }

    mutating func add(_ response: String, _ letter: MMLUChoice, _ question: MMLUCorpusCase.Question = .cell) {
        cases.append(MMLUCorpusCase(response: response, expected: .choice(letter), question: question, group: name))
    }

    mutating func unclear(_ response: String, _ question: MMLUCorpusCase.Question = .cell) {
        cases.append(MMLUCorpusCase(response: response, expected: .unclear, question: question, group: name))
    }

    mutating func unanswered(_ response: String, _ question: MMLUCorpusCase.Question = .cell) {
        cases.append(MMLUCorpusCase(response: response, expected: .unanswered, question: question, group: name))
    }
}

/// The strict baseline the corpus is measured against: the first non-empty line, stripped of
/// spaces, markdown emphasis, brackets and a final "." or ":", is a single letter A–D.
enum MMLUStrictBaseline {
    static func read(_ response: String) -> MMLUAnswerReading {
        guard let line = response.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return .unanswered
        }
        let stripped = line.filter { !" \t*_`()[].:".contains($0) }
        guard stripped.count == 1, let choice = MMLUChoice(letter: stripped) else { return .unanswered }
        return .choice(choice)
    }
}
