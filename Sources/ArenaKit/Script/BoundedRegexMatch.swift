import Foundation

/// Runs a regular expression from a script (`/expect a matches PATTERN`) against an answer
/// with a time limit. A pattern that backtracks catastrophically (`^(a+)+$` against a long
/// answer) would otherwise hold a script for minutes; ICU reports progress while it works,
/// and the search stops once the limit has passed.
enum BoundedRegexMatch {
    /// What the search found.
    enum Outcome: Sendable, Hashable {
        case matched
        case notMatched
        /// The limit passed before the search finished.
        case tookTooLong(seconds: Double)
    }

    /// How long one search may take.
    static let defaultLimit: Double = 2

    /// Whether `regex` matches somewhere in `text`, within `seconds`.
    static func search(_ regex: NSRegularExpression, in text: String, seconds: Double = defaultLimit) -> Outcome {
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        var outcome = Outcome.notMatched
        let range = NSRange(text.startIndex..., in: text)
        regex.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
            if match != nil {
                outcome = .matched
                stop.pointee = true
            } else if ContinuousClock.now >= deadline {
                outcome = .tookTooLong(seconds: seconds)
                stop.pointee = true
            }
        }
        return outcome
    }
}
