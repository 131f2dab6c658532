/// Why a judge gave no verdict. Each case names the judge model and describes itself in one line.
public enum JudgeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The judge's reply had no verdict marker; `excerpt` is its end, sanitised.
    case noVerdict(judge: String, expected: String, excerpt: String)
    /// The request to the judge failed (after the usual retries).
    case failed(judge: String, reason: String)
    /// There is nothing to judge: `what` says why (no turn yet, an answer missing).
    case nothingToJudge(String)

    public var description: String {
        switch self {
        case .noVerdict(let judge, let expected, let excerpt):
            return "judge \(judge): the reply has no verdict (expected \(expected)); it ended: “\(excerpt)”"
        case .failed(let judge, let reason):
            return "judge \(judge): \(reason)"
        case .nothingToJudge(let what):
            return what
        }
    }

    /// True when the judge could not be reached or failed (rather than replied without a verdict).
    public var isRequestFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
