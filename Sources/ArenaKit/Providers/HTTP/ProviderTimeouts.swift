/// How long a streaming request may wait at each phase before giving up.
public struct ProviderTimeouts: Sendable, Hashable, Codable {
    /// Seconds to open the connection (TCP and TLS).
    public var connect: Double
    /// Seconds from sending the request to the first answer or reasoning text.
    public var firstToken: Double
    /// Seconds allowed between two pieces of the stream once text is flowing.
    public var idle: Double

    public init(connect: Double = 10, firstToken: Double = 60, idle: Double = 30) {
        self.connect = connect
        self.firstToken = firstToken
        self.idle = idle
    }
}

/// How 429 and 503 answers are retried.
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// Retries after the first attempt (0 disables retrying).
    public var maxRetries: Int
    /// The most seconds all waits of one request may add up to; a wait that would go past it
    /// ends the request instead.
    public var maxTotalWait: Double
    /// Seconds to wait before the first retry when the server gave no hint; doubles each time.
    public var baseDelay: Double
    /// The longest single wait without a server hint.
    public var maxDelay: Double

    public init(maxRetries: Int = 4, maxTotalWait: Double = 60, baseDelay: Double = 1, maxDelay: Double = 20) {
        self.maxRetries = maxRetries
        self.maxTotalWait = maxTotalWait
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before retry number `retry` (1 for the first) when the server gave no hint.
    func backoff(retry: Int) -> Double {
        min(maxDelay, baseDelay * Double(1 << min(max(retry - 1, 0), 20)))
    }
}
