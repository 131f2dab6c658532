import ArenaTestServer
import Foundation
import Testing
@testable import ArenaKit

/// Loads the full release (``MMLUTestRelease``: ARENA_MMLU_DIR, `../shared/mmlu` or the
/// installed copy) and checks it against counts and records computed independently (with
/// Python's csv module) when these tests were written. Skipped without the release, unless CI.
@Suite("MMLU release data", .enabled(if: MMLUTestRelease.shouldRun, Comment(rawValue: MMLUTestRelease.skipReason)))
struct MMLUReleaseTests {
    struct SpotCheck: Sendable, CustomStringConvertible {
        var subject: String
        var split: MMLUSplit
        var index: Int
        var fields: [String]
        var description: String { "\(subject)/\(split)/\(index)" }
    }

    static let expectedCounts: [String: (dev: Int, val: Int, test: Int)] = [
        "abstract_algebra": (5, 11, 100),
        "anatomy": (5, 14, 135),
        "astronomy": (5, 16, 152),
        "business_ethics": (5, 11, 100),
        "clinical_knowledge": (5, 29, 265),
        "college_biology": (5, 16, 144),
        "college_chemistry": (5, 8, 100),
        "college_computer_science": (5, 11, 100),
        "college_mathematics": (5, 11, 100),
        "college_medicine": (5, 22, 173),
        "college_physics": (5, 11, 102),
        "computer_security": (5, 11, 100),
        "conceptual_physics": (5, 26, 235),
        "econometrics": (5, 12, 114),
        "electrical_engineering": (5, 16, 145),
        "elementary_mathematics": (5, 41, 378),
        "formal_logic": (5, 14, 126),
        "global_facts": (5, 10, 100),
        "high_school_biology": (5, 32, 310),
        "high_school_chemistry": (5, 22, 203),
        "high_school_computer_science": (5, 9, 100),
        "high_school_european_history": (5, 18, 165),
        "high_school_geography": (5, 22, 198),
        "high_school_government_and_politics": (5, 21, 193),
        "high_school_macroeconomics": (5, 43, 390),
        "high_school_mathematics": (5, 29, 270),
        "high_school_microeconomics": (5, 26, 238),
        "high_school_physics": (5, 17, 151),
        "high_school_psychology": (5, 60, 545),
        "high_school_statistics": (5, 23, 216),
        "high_school_us_history": (5, 22, 204),
        "high_school_world_history": (5, 26, 237),
        "human_aging": (5, 23, 223),
        "human_sexuality": (5, 12, 131),
        "international_law": (5, 13, 121),
        "jurisprudence": (5, 11, 108),
        "logical_fallacies": (5, 18, 163),
        "machine_learning": (5, 11, 112),
        "management": (5, 11, 103),
        "marketing": (5, 25, 234),
        "medical_genetics": (5, 11, 100),
        "miscellaneous": (5, 86, 783),
        "moral_disputes": (5, 38, 346),
        "moral_scenarios": (5, 100, 895),
        "nutrition": (5, 33, 306),
        "philosophy": (5, 34, 311),
        "prehistory": (5, 35, 324),
        "professional_accounting": (5, 31, 282),
        "professional_law": (5, 170, 1534),
        "professional_medicine": (5, 31, 272),
        "professional_psychology": (5, 69, 612),
        "public_relations": (5, 12, 110),
        "security_studies": (5, 27, 245),
        "sociology": (5, 22, 201),
        "us_foreign_policy": (5, 11, 100),
        "virology": (5, 18, 166),
        "world_religions": (5, 19, 171),
    ]

    static let spotChecks: [SpotCheck] = [
        // a bare quote inside an unquoted field
        SpotCheck(subject: "college_medicine", split: .val, index: 5, fields: [
            "Which of the following would be the most accurate definition of Nietzsche\u{2019}s Will to Truth?\"",
            "An intrinsic desire to know the truth.",
            "Moral drive to act toward what is good.",
            "A subset of our ego that acts towards what is right.",
            "Our desire for love.",
            "A",
        ]),
        // a quoted field ending in LF, in a CRLF file
        SpotCheck(subject: "nutrition", split: .test, index: 0, fields: [
            "Which foods tend to be consumed in lower quantities in Wales and Scotland (as of 2020)?\n",
            "Meat",
            "Confectionary",
            "Fruits and vegetables",
            "Potatoes",
            "C",
        ]),
        // the last record of a CRLF file without a final line break
        SpotCheck(subject: "nutrition", split: .test, index: 305, fields: [
            "Which statement about the oral phase of digestion is INCORRECT?\n",
            "About 2% of the energy content of food is expended during the action of chewing and swallowing it.",
            "Swallowing involves contraction and relaxation of at least 14 groups of muscles in about 10 seconds in healthy subjects",
            "The biofilm covering tooth enamel contains several salivary and bacterial enzymes",
            "Salivary amylase digests the dextran film on tooth enamel formed from dietary sucrose",
            "D",
        ]),
        // CRLF line breaks inside a quoted field, in an LF file
        SpotCheck(subject: "college_mathematics", split: .dev, index: 2, fields: [
            "Let A be a real 2x2 matrix. Which of the following statements must be true?\r\nI. All of the entries of A^2 are nonnegative.\r\nII. The determinant of A^2 is nonnegative.\r\nIII. If A has two distinct eigenvalues, then A^2 has two distinct eigenvalues.",
            "I only",
            "II only",
            "III only",
            "II and III only",
            "B",
        ]),
        // U+0085 (NEL) inside a field
        SpotCheck(subject: "nutrition", split: .val, index: 4, fields: [
            "On average, obese people have a higher basal metabolic rate (BMR) than lean people, mainly because the body of the obese has more\u{85} (in kg):\n",
            "adipose tissue (fat mass)",
            "Lean mass (fat-free mass)",
            "glycogen",
            "water",
            "B",
        ]),
        // U+0085 (NEL) followed by dots
        SpotCheck(subject: "management", split: .test, index: 39, fields: [
            "Functional structures help to create\u{85}...",
            "teamwork",
            "specialisation",
            "project work groups",
            "multi-skilled employees",
            "B",
        ]),
        // U+FEFF inside a field, with LFs and U+2014
        SpotCheck(subject: "college_medicine", split: .test, index: 49, fields: [
            "Using this formula, if a reaction was provided with 84g of ethane and unlimited oxygen, how many grams of carbon dioxide would result (Carbon atomic weight: 12amu, Hydrogen atomic weight: 1amu, Oxygen atomic weight: 16amu)?\n\u{FEFF}\nThe unbalanced reaction of ethane gas to carbon dioxide and water is as follows:\n\n C2H4 + O2 \u{2014}> CO2 + H2O",
            "78g",
            "528g",
            "264g",
            "156g",
            "C",
        ]),
        // U+00A0 (no-break space) inside a field
        SpotCheck(subject: "professional_medicine", split: .dev, index: 1, fields: [
            "A 36-year-old male presents to the office with a\u{A0}3-week\u{A0}history of low back pain. He denies any recent trauma but says that he climbs in and out of his truck numerous times a day for his job. Examination of the patient in the prone position reveals a deep sacral sulcus on the left, a posterior inferior lateral angle on the right, and a lumbosacral junction that springs freely on compression. The most likely diagnosis is",
            "left-on-left sacral torsion",
            "left-on-right sacral torsion",
            "right unilateral sacral flexion",
            "right-on-right sacral torsion",
            "D",
        ]),
        // a leading space, a tab and logic symbols
        SpotCheck(subject: "formal_logic", split: .dev, index: 2, fields: [
            " Select the best English interpretation of the given arguments in predicate logic.\nDm\n(\u{2200}x)(Wx \u{2283} ~Dx)\n(\u{2200}x)Wx \u{2228} Ag\t/ (\u{2203}x)Ax",
            "Marina is a dancer. Some weaklings are not dancers. Either everything is a weakling or Georgia plays volleyball. So something plays volleyball.",
            "Marina is a dancer. No weakling is a dancer. Everything is either a weakling or plays volleyball. So something plays volleyball.",
            "Marina is a dancer. Some weaklings are not dancers. Everything is either a weakling or plays volleyball. So something plays volleyball.",
            "Marina is a dancer. No weakling is a dancer. Either everything is a weakling or Georgia plays volleyball. So something plays volleyball.",
            "D",
        ]),
        // doubled quotes inside a quoted choice
        SpotCheck(subject: "astronomy", split: .dev, index: 4, fields: [
            "Why is Mars red?",
            "Because the surface is covered with heavily oxidized (\"rusted\") minerals.",
            "Because the atmosphere scatters more light at bluer wavelengths transmitting mostly red light.",
            "Because Mars is covered with ancient lava flows which are red in color.",
            "Because flowing water on Mars's surface altered the surface minerals several billion years ago.",
            "A",
        ]),
        // doubled quotes inside the question
        SpotCheck(subject: "high_school_computer_science", split: .dev, index: 2, fields: [
            "What is the output of \"abc\"[::-1] in Python 3?",
            "Error",
            "abc",
            "cba",
            "c",
            "C",
        ]),
        // the first record of the first file
        SpotCheck(subject: "abstract_algebra", split: .dev, index: 0, fields: [
            "Find all c in Z_3 such that Z_3[x]/(x^2 + c) is a field.",
            "0",
            "1",
            "2",
            "3",
            "B",
        ]),
        // the last record of the largest file
        SpotCheck(subject: "professional_law", split: .test, index: 1533, fields: [
            "A homeowner said to a roofer, \"My roof leaks. I think the old tiles are cracked. If you will replace them with all new tiles, I will pay you $5,000. \" The roofer replied, \"Sure, if I can clear my busy schedule. \" The homeowner then remarked, \"That's all right, but let me know soon. \" Three days later, the roofer drove his pickup truck to the homeowner's home and unloaded the materials and equipment needed to perform the roofing job. When the homeowner looked out his window and saw what was transpiring, he immediately ran outside and exclaimed, \"Stop! The deal's off. I decided to repair the roof myself. \"In an action by the roofer against the homeowner for breach of contract, which of the following would provide the roofer with his best theory of recovery?",
            "A bilateral contract was formed when the roofer purchased the materials and equipment needed to do the job.",
            "A bilateral contract was formed when the roofer said, \"Sure, if I can clear my busy schedule. \"",
            "The homeowner made an offer that proposed a unilateral contract, and the offer became irrevocable when the roofer purchased the materials and equipment needed for the job.",
            "The homeowner made an offer that proposed a unilateral contract, and the roofer manifested an intent to accept the offer when he began performance by unloading the materials and equipment at the homeowner's house.",
            "D",
        ]),
    ]

    /// The release, loaded once for all tests of this suite (an error is kept and reported).
    static let release: Result<MMLUQuestionBank, MMLUDataError> = {
        guard let root = MMLUTestData.releaseRoot() else {
            return .failure(.unreadable(path: "ARENA_MMLU_DIR", reason: MMLUTestRelease.missingMessage))
        }
        return Result { () throws(MMLUDataError) in try MMLUQuestionBank.load(explicitDirectory: root, environment: [:]) }
    }()

    static func loadRelease() throws -> MMLUQuestionBank {
        try release.get()
    }

    @Test("all splits load with the release's counts")
    func splitCounts() throws {
        let bank = try Self.loadRelease()
        #expect(bank.count == 15_858)
        #expect(bank.count(split: .dev) == 285)
        #expect(bank.count(split: .val) == 1_531)
        #expect(bank.count(split: .test) == 14_042)
        #expect(bank.subjects.count == 57)
        #expect(bank.sourceDescription.hasSuffix("(15,858 questions in 57 subjects)"))
    }

    @Test("every subject has the release's counts per split")
    func subjectCounts() throws {
        let bank = try Self.loadRelease()
        let summaries = bank.subjectSummaries()
        #expect(summaries.map(\.subject.name) == Self.expectedCounts.keys.sorted())
        for summary in summaries {
            let expected = try #require(Self.expectedCounts[summary.subject.name])
            #expect(summary.count(.dev) == expected.dev, "\(summary.subject) dev")
            #expect(summary.count(.val) == expected.val, "\(summary.subject) val")
            #expect(summary.count(.test) == expected.test, "\(summary.subject) test")
            #expect(summary.total == expected.dev + expected.val + expected.test)
        }
        #expect(bank.count(of: MMLUSubject("professional_law"), split: .test) == 1_534)
        #expect(bank.count(of: MMLUSubject("abstract_algebra")) == 116)
    }

    @Test("tricky records are read byte for byte", arguments: spotChecks)
    func spotCheck(_ check: SpotCheck) throws {
        let bank = try Self.loadRelease()
        let question = try #require(bank.question(withID: "\(check.subject)/\(check.split)/\(check.index)"))
        let actual = [question.question] + question.choices + [question.answer.letter]
        #expect(actual.count == check.fields.count)
        for (got, expected) in zip(actual, check.fields) {
            // Compare bytes: String equality would accept canonically equivalent forms.
            #expect(Array(got.utf8) == Array(expected.utf8))
        }
    }

    @Test("grading the release: stated letters found (every tenth question), quoted answer texts never graded wrong")
    func gradingAcrossTheRelease() throws {
        let bank = try Self.loadRelease()
        var quotedAndFound = 0
        for (position, question) in bank.questions().enumerated() {
            let letter = question.answer.letter
            if position % 10 == 0 {
                #expect(MMLUGrader.grade("The answer is \(letter).", for: question).grade == .right, "\(question.id)")
                #expect(MMLUGrader.grade("**\(letter)**", for: question).grade == .right, "\(question.id)")
            }
            // An answer text that is itself a letter ("B" for boron) reads as that letter.
            guard MMLUChoice(letter: question.answerText) == nil else { continue }
            let quoted = MMLUGrader.grade(question.answerText, for: question)
            #expect(quoted.grade != .wrong, "\(question.id): quoting the answer text was graded wrong")
            if quoted.grade == .right { quotedAndFound += 1 }
        }
        // Quoting the answer text is recognised for nearly all questions (not when choices repeat).
        #expect(quotedAndFound > 15_500)
    }

    @Test("the release root and its data folder are both accepted")
    func bothDirectoryForms() throws {
        let root = try #require(MMLUTestData.releaseRoot())
        let fromRoot = try MMLUDataLocator.locate(explicitDirectory: root, environment: [:])
        let fromData = try MMLUDataLocator.locate(explicitDirectory: root + "/data", environment: [:])
        #expect(fromRoot?.dataDirectory == fromData?.dataDirectory)
        #expect(fromRoot?.origin == .option)
    }
}
