/// The ranges the models file accepts for its numbers. A number outside them (or infinite,
/// or not a number) is an error naming the file and line, never a crash later: an infinite
/// timeout or a weight of 1e308 once brought arena down.
enum ConfigLimits {
    /// Timeouts and waits: up to a day.
    static let seconds: ClosedRange<Double> = 0...86_400
    /// Retries after 429/503.
    static let retries: ClosedRange<Double> = 0...100
    /// Blind-battle weights (relative; 0 excludes a model).
    static let weight: ClosedRange<Double> = 0...1_000_000
    /// Prices per million tokens.
    static let price: ClosedRange<Double> = 0...1_000_000
    /// Sampling temperature, as `/temp` accepts it.
    static let temperature: ClosedRange<Double> = 0...2
    /// Nucleus sampling, as `/top-p` accepts it.
    static let topP: ClosedRange<Double> = 0...1
    /// Answer length in tokens.
    static let maxTokens: ClosedRange<Double> = 1...10_000_000

    /// Values in one model's `body:` (after YAML aliases are expanded).
    static let bodyValues = 10_000
    /// Nesting levels in one model's `body:`.
    static let bodyDepth = 64

    /// `86400`, `0.5`: a bound as the person would write it.
    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
