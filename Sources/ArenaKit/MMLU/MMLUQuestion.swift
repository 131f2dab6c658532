/// One of the four labelled choices of an MMLU question, A to D.
public enum MMLUChoice: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case a = 0
    case b = 1
    case c = 2
    case d = 3

    /// Creates the choice for an uppercase or lowercase letter `A`…`D`; nil for anything else.
    public init?(letter: Character) {
        switch letter {
        case "A", "a": self = .a
        case "B", "b": self = .b
        case "C", "c": self = .c
        case "D", "d": self = .d
        default: return nil
        }
    }

    /// Creates the choice for a string that is exactly one letter `A`…`D` (either case).
    public init?(letter: String) {
        guard letter.count == 1, let character = letter.first else { return nil }
        self.init(letter: character)
    }

    /// Creates the choice at a zero-based position among the four choices.
    public init?(index: Int) {
        self.init(rawValue: index)
    }

    /// The zero-based position of this choice: A is 0, D is 3.
    public var index: Int { rawValue }

    /// The uppercase letter shown to people and models: "A"…"D".
    var letter: String {
        switch self {
        case .a: return "A"
        case .b: return "B"
        case .c: return "C"
        case .d: return "D"
        }
    }

    /// The choice for an uppercase ASCII letter byte `A`…`D`; nil for anything else.
    init?(uppercaseASCII byte: UInt8) {
        guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "D") else { return nil }
        self.init(rawValue: Int(byte - UInt8(ascii: "A")))
    }

    public var description: String { letter }

    public static func < (lhs: MMLUChoice, rhs: MMLUChoice) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The three parts of the MMLU release: `dev` (5 per subject, meant as few-shot examples),
/// `val` and `test`. Cases are in that order.
public enum MMLUSplit: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case dev
    case val
    case test

    public var description: String { rawValue }

    /// Position in the order dev, val, test.
    var order: Int {
        switch self {
        case .dev: return 0
        case .val: return 1
        case .test: return 2
        }
    }

    public static func < (lhs: MMLUSplit, rhs: MMLUSplit) -> Bool { lhs.order < rhs.order }
}

/// One multiple-choice question: its subject, where it comes from, the question text, four
/// choices and the correct answer. Texts are exactly as read, nothing trimmed.
public struct MMLUQuestion: Sendable, Hashable, Codable, Identifiable {
    /// The subject the question belongs to.
    public var subject: MMLUSubject
    /// The split the question was read from.
    public var split: MMLUSplit
    /// Zero-based position of the question within its subject and split (its record number in the file).
    public var index: Int
    /// The question text.
    public var question: String
    /// The four choices, in order A, B, C, D.
    public var choices: [String]
    /// The correct choice.
    public var answer: MMLUChoice

    /// Creates a question. `choices` must hold exactly four texts.
    public init(subject: MMLUSubject, split: MMLUSplit, index: Int, question: String, choices: [String], answer: MMLUChoice) {
        precondition(choices.count == 4, "an MMLU question has exactly four choices")
        self.subject = subject
        self.split = split
        self.index = index
        self.question = question
        self.choices = choices
        self.answer = answer
    }

    /// One-based position within its subject and split, as shown to people ("question 3").
    public var number: Int { index + 1 }

    /// A stable identifier such as `high_school_biology/test/12` (split and zero-based index), for transcripts.
    public var id: String { "\(subject.name)/\(split.rawValue)/\(index)" }

    /// The text of one choice.
    public func text(of choice: MMLUChoice) -> String { choices[choice.index] }

    /// The text of the correct choice.
    public var answerText: String { choices[answer.index] }
}
