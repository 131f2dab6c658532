/// The scripted text the built-in `scribe` model writes: a deterministic choice of paragraphs
/// (or of a letter, for a multiple-choice question) driven by a stable hash of the prompt.
enum ScribeText {
    static func answer(to prompt: String, seed: Int?, temperature: Double?, turn: Int) -> String {
        var hash = StableHash()
        hash.combine(prompt)
        hash.combine(String(seed ?? 0))
        hash.combine(String(Int(((temperature ?? 1) * 100).rounded())))
        var generator = SplitMix64(seed: hash.value)

        if let letters = multipleChoiceLetters(in: prompt) {
            let letter = letters[Int(generator.next() % UInt64(letters.count))]
            return "Weighing each option in turn, the best supported one is \(letter).\n\nThe answer is (\(letter))."
        }

        let topic = topicPhrase(of: prompt)
        var paragraphs = ["Here is how I would think about \u{201C}\(topic)\u{201D} (turn \(turn))."]
        var pool = Array(bodyParagraphs.indices)
        let count = 3 + Int(generator.next() % 3)
        for _ in 0..<count where !pool.isEmpty {
            let index = Int(generator.next() % UInt64(pool.count))
            paragraphs.append(bodyParagraphs[pool.remove(at: index)])
        }
        paragraphs.append(closings[Int(generator.next() % UInt64(closings.count))])
        return paragraphs.joined(separator: "\n\n")
    }

    /// The choice letters of a multiple-choice question ("A. …", "(B) …", "C) …" at the start
    /// of lines), when the prompt has at least two in order from A.
    static func multipleChoiceLetters(in prompt: String) -> [String]? {
        var letters: [String] = []
        for line in prompt.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop(while: { $0 == " " })
            for candidate in ["A", "B", "C", "D", "E", "F"] where letters.count < 6 {
                let forms = ["\(candidate). ", "\(candidate)) ", "(\(candidate)) ", "\(candidate): "]
                if forms.contains(where: { trimmed.hasPrefix($0) }) {
                    if candidate == ["A", "B", "C", "D", "E", "F"][letters.count] { letters.append(candidate) }
                    break
                }
            }
        }
        if letters.count >= 2 { return letters }
        // Choices on one line: "… A) first B) second C) third …".
        var inline: [String] = []
        var rest = Substring(prompt)
        for candidate in ["A", "B", "C", "D", "E", "F"] {
            guard let found = rest.range(of: " \(candidate)) ") ?? (inline.isEmpty && rest.hasPrefix("\(candidate)) ") ? rest.range(of: "\(candidate)) ") : nil) else { break }
            inline.append(candidate)
            rest = rest[found.upperBound...]
        }
        return inline.count >= 2 ? inline : nil
    }

    private static func topicPhrase(of prompt: String) -> String {
        let words = prompt.split(whereSeparator: { $0.isWhitespace })
        let phrase = words.prefix(8).joined(separator: " ")
        return words.count > 8 ? phrase + "\u{2026}" : (phrase.isEmpty ? "nothing in particular" : phrase)
    }

    private static let bodyParagraphs = [
        "First, pin down what a good answer looks like before judging any. A question can be answered correctly and still badly: too long, hedged into mush, or confidently wrong in one small detail that matters more than everything else it got right.",
        "Second, look at the reasoning rather than the conclusion. Two answers that agree can rest on very different foundations, and the one whose steps you can check is worth more than the one that simply sounds sure of itself.",
        "Third, watch for the shape of the mistakes. A model that fails gracefully (it says what it does not know, or asks for the missing detail) is easier to work with than one that fills every gap with something plausible.",
        "It also helps to ask the same thing twice in different words. Consistency across paraphrases is a cheap test of whether an answer comes from understanding or from pattern-matching on the wording of the question.",
        "Speed matters too, though less than people think. A quick first token makes a model feel responsive, but the time to the last useful sentence is what you actually wait for, and a long preamble spends it badly.",
        "Cost is the quiet third axis. A model that is slightly better but ten times the price per token may lose once you multiply by the number of questions you really intend to ask.",
        "Formatting is part of the answer. Lists, code blocks and short paragraphs make an answer usable at a glance; a wall of text forces the reader to do the model's editing for it.",
        "Finally, keep a record. Impressions fade and drift, but a transcript you can replay against next month's models turns a hunch into a comparison you can repeat.",
        "A worked example makes this concrete: ask both models to explain a small algorithm, then ask each to find the bug in a slightly broken version. The second question separates recall from understanding far better than the first.",
        "Multilingual prompts are a useful stress test as well \u{2014} for example \u{201C}\u{65E5}\u{672C}\u{8A9E}\u{3067}\u{8AAC}\u{660E}\u{3057}\u{3066}\u{304F}\u{3060}\u{3055}\u{3044}\u{201D} \u{2014} because weaker models often switch languages mid-answer or drop accents such as na\u{EF}ve, caf\u{E9} and r\u{E9}sum\u{E9}.",
    ]

    private static let closings = [
        "In short: decide what you value, test for it directly, and let the transcript keep score.",
        "That is the whole method; the rest is asking enough questions that one lucky answer does not decide it.",
        "Try it on a question you already know the answer to, and see which of us you would trust with one you don't.",
    ]
}

/// FNV-1a over UTF-8 bytes: a hash that is the same on every run and machine, unlike `Hasher`.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        value ^= 0xff
        value = value &* 0x0000_0100_0000_01b3
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so seeded choices are
/// reproducible everywhere.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
