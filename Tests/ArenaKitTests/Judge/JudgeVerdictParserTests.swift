import Testing

@testable import ArenaKit

/// The judge's reply is read by its last marker, never guessed.
@Suite struct JudgeVerdictParserTests {
    @Test func theLastPairwiseMarkerIsTheVerdict() {
        #expect(JudgeVerdictParser.choice(in: "A is clearer. [[A]]") == .first)
        #expect(JudgeVerdictParser.choice(in: "Assistant B wins.\n\n[[B]]") == .second)
        #expect(JudgeVerdictParser.choice(in: "Equally good: [[C]]") == .tie)
        #expect(JudgeVerdictParser.choice(in: "One might say [[A]], but on reflection [[B]]") == .second)
        #expect(JudgeVerdictParser.choice(in: "[[B]] at first; final verdict: [[C]]") == .tie)
    }

    @Test func aReplyWithoutAMarkerHasNoVerdict() {
        #expect(JudgeVerdictParser.choice(in: "Both are fine.") == nil)
        #expect(JudgeVerdictParser.choice(in: "I pick [A] or [[D]] or [[a]]") == nil)
        #expect(JudgeVerdictParser.choice(in: "") == nil)
    }

    @Test func ratingsAreTheLastNumberFromOneToTenInDoubleBrackets() {
        #expect(JudgeVerdictParser.rating(in: "Good. Rating: [[7]]") == 7)
        #expect(JudgeVerdictParser.rating(in: "Format: \"[[rating]]\". Rating: [[8.5]]") == 8.5)
        #expect(JudgeVerdictParser.rating(in: "First [[3]], then [[ 9 ]]") == 9)
        #expect(JudgeVerdictParser.rating(in: "Rating: [[11]]") == nil)
        #expect(JudgeVerdictParser.rating(in: "Rating: [[0]]") == nil)
        #expect(JudgeVerdictParser.rating(in: "Rating: [[-3]]") == nil)
        #expect(JudgeVerdictParser.rating(in: "Rating: 7") == nil)
        #expect(JudgeVerdictParser.rating(in: "Rating: [[nan]] [[inf]]") == nil)
    }

    @Test func theReasonIsTheExplanationOnOneLine() {
        #expect(JudgeVerdictParser.reason(in: "A is right.\nB is wrong.\n\n[[A]]") == "A is right. B is wrong.")
        #expect(JudgeVerdictParser.reason(in: "Helpful. Rating: [[8]]") == "Helpful.")
        let long = JudgeVerdictParser.reason(in: String(repeating: "word ", count: 100), limit: 20)
        #expect(long.count == 20 && long.hasSuffix("…"))
    }

    @Test func bothOrdersDecideTheVerdict() {
        let agreed = PairwiseJudgement(aFirst: .first, bFirst: .second)
        #expect(agreed.verdict == .a && agreed.isConsistent)
        let forB = PairwiseJudgement(aFirst: .second, bFirst: .first)
        #expect(forB.verdict == .b && forB.isConsistent)
        let positionBiased = PairwiseJudgement(aFirst: .first, bFirst: .first)
        #expect(positionBiased.verdict == .tie && !positionBiased.isConsistent)
        #expect(positionBiased.aFirst == .a && positionBiased.bFirst == .b)
        let tie = PairwiseJudgement(aFirst: .tie, bFirst: .tie)
        #expect(tie.verdict == .tie && tie.isConsistent)
        let half = PairwiseJudgement(aFirst: .first, bFirst: .tie)
        #expect(half.verdict == .tie && !half.isConsistent)
    }
}
