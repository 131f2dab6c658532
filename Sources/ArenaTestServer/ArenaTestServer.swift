/// A loopback HTTP server for arena's tests and benchmarks: it speaks each provider's dialect
/// and can misbehave on purpose.
public enum ArenaTestServerInfo {
    public static let name = "arena-test-server"
}
