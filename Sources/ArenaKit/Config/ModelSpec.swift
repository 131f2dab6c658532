/// One model as the configuration describes it, before its key is resolved: where to reach
/// it, with what defaults, what it costs and how often blind battles pick it.
public struct ModelSpec: Sendable, Hashable {
    /// The connection, without its key (that comes from ``keySource``).
    public var connection: ModelConnection
    var keySource: KeySource
    var prices: ModelPrices?
    /// How often blind battles pick this model relative to others (1 when unset).
    var weight: Double?
    /// Why the model cannot be used as configured, if it cannot.
    public var problem: String?
    /// Where it was configured, for messages.
    public var file: String?
    public var line: Int?

    init(
        connection: ModelConnection,
        keySource: KeySource = .none,
        prices: ModelPrices? = nil,
        weight: Double? = nil,
        problem: String? = nil,
        file: String? = nil,
        line: Int? = nil
    ) {
        self.connection = connection
        self.keySource = keySource
        self.prices = prices
        self.weight = weight
        self.problem = problem
        self.file = file
        self.line = line
    }

    /// The descriptor listings show.
    public var descriptor: ModelDescriptor {
        connection.descriptor(problem: problem)
    }

    /// Makes the client, resolving a key command on first use.
    func makeClient() throws -> any ModelClient {
        if let problem { throw ProviderError.misconfigured(detail: problem) }
        var connection = connection
        switch keySource {
        case .none: break
        case .literal(let key): connection.key = key
        case .environment: break // resolved at load time into connection.key
        case .command(let command): connection.key = try KeyCommand.run(command, model: connection.name)
        }
        if let problem = connection.key?.problem { throw ProviderError.misconfigured(detail: "\(connection.name): \(problem)") }
        return try connection.makeClient()
    }
}
