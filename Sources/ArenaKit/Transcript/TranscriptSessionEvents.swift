extension TranscriptEvent {
    /// The session header: the first line of every transcript. Its line's `"ts"` is the
    /// session's start time.
    public struct SessionStart: Sendable, Hashable, Codable {
        /// The version of arena that wrote the file.
        public var arenaVersion: String
        /// When the session continues a loaded transcript (`/load`), that transcript's path.
        public var source: String?

        public init(arenaVersion: String, source: String? = nil) {
            self.arenaVersion = arenaVersion
            self.source = source
        }

        enum CodingKeys: String, CodingKey {
            case arenaVersion = "arena_version"
            case source
        }
    }

    /// The model put on one side: everything needed to know what answered, and never a key.
    public struct ModelIdentity: Sendable, Hashable, Codable {
        public var side: Side
        /// The name people type in `/model`.
        public var name: String
        /// The provider kind's raw value (`"openai"`, `"azure-ai"`, ...), kept as text so a
        /// provider added later still loads.
        public var provider: String
        /// Where arena learned of the model (`ModelOrigin` raw value).
        public var origin: String?
        public var endpointHost: String?
        /// The model or deployment id sent to the provider, when it differs from `name`.
        public var remoteModel: String?
        /// The model name the server reported, when known.
        var reportedModel: String?
        var apiVersion: String?
        /// True when the side is hidden as "Model A"/"Model B" in a blind battle.
        public var blind: Bool?

        public init(
            side: Side,
            name: String,
            provider: String,
            origin: String? = nil,
            endpointHost: String? = nil,
            remoteModel: String? = nil,
            reportedModel: String? = nil,
            apiVersion: String? = nil,
            blind: Bool? = nil
        ) {
            self.side = side
            self.name = name
            self.provider = provider
            self.origin = origin
            self.endpointHost = endpointHost
            self.remoteModel = remoteModel
            self.reportedModel = reportedModel
            self.apiVersion = apiVersion
            self.blind = blind
        }

        /// The identity of `descriptor` on `side`. The descriptor's `problem` and `summary` are
        /// not recorded.
        public init(side: Side, descriptor: ModelDescriptor, reportedModel: String? = nil, blind: Bool = false) {
            self.init(
                side: side,
                name: descriptor.name,
                provider: descriptor.provider.rawValue,
                origin: descriptor.origin.rawValue,
                endpointHost: descriptor.endpointHost,
                remoteModel: descriptor.remoteModel,
                reportedModel: reportedModel,
                apiVersion: descriptor.apiVersion,
                blind: blind ? true : nil
            )
        }

        /// A descriptor for the recorded model. A provider this build does not know is shown as
        /// OpenAI-compatible and marked with a `problem`, so it is never silently used.
        public var descriptor: ModelDescriptor {
            let kind = ProviderKind(rawValue: provider)
            return ModelDescriptor(
                name: name,
                provider: kind ?? .openAI,
                origin: origin.flatMap(ModelOrigin.init(rawValue:)) ?? .file,
                endpointHost: endpointHost,
                remoteModel: remoteModel,
                apiVersion: apiVersion,
                problem: kind == nil ? "unknown provider '\(provider)' in the transcript" : nil
            )
        }

        enum CodingKeys: String, CodingKey {
            case side, name, provider, origin
            case endpointHost = "endpoint_host"
            case remoteModel = "remote_model"
            case reportedModel = "reported_model"
            case apiVersion = "api_version"
            case blind
        }
    }

    /// One side's sampling settings after a change: a full snapshot, where an absent field
    /// means "not set". The system prompt has its own event.
    public struct SettingsChange: Sendable, Hashable, Codable {
        public var side: Side
        var temperature: Double?
        var maxTokens: Int?
        var topP: Double?
        public var seed: Int?
        public var stop: [String]?

        public init(side: Side, temperature: Double? = nil, maxTokens: Int? = nil, topP: Double? = nil, seed: Int? = nil, stop: [String]? = nil) {
            self.side = side
            self.temperature = temperature
            self.maxTokens = maxTokens
            self.topP = topP
            self.seed = seed
            self.stop = stop
        }

        /// The sampling part of `settings` on `side` (its system prompt is left out).
        public init(side: Side, settings: GenerationSettings) {
            self.init(
                side: side,
                temperature: settings.temperature,
                maxTokens: settings.maxTokens,
                topP: settings.topP,
                seed: settings.seed,
                stop: settings.stop
            )
        }

        /// `settings` with its sampling fields replaced by these; the system prompt is kept.
        func applied(to settings: GenerationSettings) -> GenerationSettings {
            GenerationSettings(
                temperature: temperature,
                maxTokens: maxTokens,
                topP: topP,
                seed: seed,
                stop: stop,
                systemPrompt: settings.systemPrompt
            )
        }

        enum CodingKeys: String, CodingKey {
            case side, temperature
            case maxTokens = "max_tokens"
            case topP = "top_p"
            case seed, stop
        }
    }

    /// One side's system prompt after a change; `nil` when it was removed.
    public struct SystemPromptChange: Sendable, Hashable, Codable {
        public var side: Side
        public var text: String?

        public init(side: Side, text: String?) {
            self.side = side
            self.text = text
        }
    }

    /// Free text kept in the transcript.
    public struct Note: Sendable, Hashable, Codable {
        public var text: String
        /// What kind of note, for tools that look for some (for example `"adopt"`, `"script"`).
        var kind: String?

        public init(text: String, kind: String? = nil) {
            self.text = text
            self.kind = kind
        }
    }
}
