/// One change to a generation setting.
public enum SettingChange: Sendable, Hashable {
    case temperature(Double?)
    case maxTokens(Int?)
    case topP(Double?)
    case seed(Int?)
    case stop([String]?)

    /// Applies the change to `settings`.
    public func apply(to settings: inout GenerationSettings) {
        switch self {
        case .temperature(let value): settings.temperature = value
        case .maxTokens(let value): settings.maxTokens = value
        case .topP(let value): settings.topP = value
        case .seed(let value): settings.seed = value
        case .stop(let value): settings.stop = value
        }
    }

    /// The setting's name as `/settings` shows it.
    public var name: String {
        switch self {
        case .temperature: return "temperature"
        case .maxTokens: return "max tokens"
        case .topP: return "top_p"
        case .seed: return "seed"
        case .stop: return "stop"
        }
    }
}
