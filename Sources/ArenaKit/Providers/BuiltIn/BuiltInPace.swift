import Synchronization

/// How fast the built-in models write, in words per second, shared by all of them and
/// changeable while arena runs (`--pace`, `/pace`). Zero means "as fast as possible".
public final class BuiltInPace: Sendable {
    /// The pace used when nothing else is said: close to a hosted model's speed.
    public static let defaultWordsPerSecond: Double = 25

    /// The pace when nothing else is said: the default when a person watches the columns on a
    /// terminal, else as fast as possible (a pipe, `TERM=dumb`).
    public static func defaultPace(watched: Bool) -> Double {
        watched ? defaultWordsPerSecond : 0
    }

    private let wordsPerSecondValue: Mutex<Double>

    public init(wordsPerSecond: Double = BuiltInPace.defaultWordsPerSecond) {
        wordsPerSecondValue = Mutex(max(0, wordsPerSecond))
    }

    public var wordsPerSecond: Double {
        get { wordsPerSecondValue.withLock { $0 } }
        set { wordsPerSecondValue.withLock { $0 = max(0, newValue) } }
    }

    /// The pause before the next word, scaled by a model's own relative speed.
    func delay(speedFactor: Double) -> Duration? {
        let pace = wordsPerSecond * speedFactor
        guard pace > 0 else { return nil }
        return .nanoseconds(Int64(1_000_000_000 / pace))
    }
}
