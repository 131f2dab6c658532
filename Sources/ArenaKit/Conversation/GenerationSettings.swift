/// The sampling settings and system prompt that one side sends with each request.
///
/// Every field is optional: `nil` means "not set", so the provider's (or the model's configured)
/// default applies and nothing is sent for it.
public struct GenerationSettings: Sendable, Hashable, Codable {
    var temperature: Double?
    var maxTokens: Int?
    var topP: Double?
    public var seed: Int?
    public var stop: [String]?
    var systemPrompt: String?

    public init(
        temperature: Double? = nil,
        maxTokens: Int? = nil,
        topP: Double? = nil,
        seed: Int? = nil,
        stop: [String]? = nil,
        systemPrompt: String? = nil
    ) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.topP = topP
        self.seed = seed
        self.stop = stop
        self.systemPrompt = systemPrompt
    }

    /// These settings with every field that `other` sets taken from `other`.
    func overlaid(by other: GenerationSettings) -> GenerationSettings {
        GenerationSettings(
            temperature: other.temperature ?? temperature,
            maxTokens: other.maxTokens ?? maxTokens,
            topP: other.topP ?? topP,
            seed: other.seed ?? seed,
            stop: other.stop ?? stop,
            systemPrompt: other.systemPrompt ?? systemPrompt
        )
    }
}
