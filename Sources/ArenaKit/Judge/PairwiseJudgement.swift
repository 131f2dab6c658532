/// One turn judged in both orders, as MT-Bench does against position bias: the judge sees A's
/// answer first, then (separately) B's first. When both orders name the same side (or both a
/// tie) that is the verdict; when they disagree the verdict is *inconsistent* and counts as a tie.
struct PairwiseJudgement: Sendable, Hashable {
    /// The verdict of the order showing A first, in terms of sides.
    var aFirst: TranscriptEvent.Verdict
    /// The verdict of the order showing B first, in terms of sides.
    var bFirst: TranscriptEvent.Verdict

    /// The two replies' choices, each in the order it was shown.
    init(aFirst: JudgeVerdictParser.Choice, bFirst: JudgeVerdictParser.Choice) {
        self.aFirst = Self.side(of: aFirst, firstShown: .a)
        self.bFirst = Self.side(of: bFirst, firstShown: .b)
    }

    /// True when both orders agree.
    var isConsistent: Bool { aFirst == bFirst }

    /// `a`, `b` or `tie`: the agreed verdict, a tie when the orders disagree.
    var verdict: TranscriptEvent.Verdict { isConsistent ? aFirst : .tie }

    private static func side(of choice: JudgeVerdictParser.Choice, firstShown: Side) -> TranscriptEvent.Verdict {
        switch choice {
        case .first: return firstShown == .a ? .a : .b
        case .second: return firstShown == .a ? .b : .a
        case .tie: return .tie
        }
    }
}
