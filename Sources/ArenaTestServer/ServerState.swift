import NIOCore
import Synchronization

/// The test server's shared, thread-safe state: scripted behaviours, recorded requests, open
/// connections, who is waiting for a connection to close, the responses held until released,
/// and how many requests are being answered at once.
final class ServerState: Sendable {
    private struct Inner {
        var queue: [TestBehaviour] = []
        var byModel: [String: TestBehaviour] = [:]
        var requests: [RecordedRequest] = []
        var closedRequests: Set<Int> = []
        var disconnectWaiters: [Int: [CheckedContinuation<Void, Never>]] = [:]
        var channels: [ObjectIdentifier: any Channel] = [:]
        var held: [(model: String, release: @Sendable () -> Void)] = []
        var heldWaiters: [(count: Int, model: String?, continuation: CheckedContinuation<Void, Never>)] = []
        var inFlight = 0
        var mostInFlight = 0
    }

    private let inner = Mutex(Inner())

    func enqueue(_ behaviours: [TestBehaviour]) {
        inner.withLock { $0.queue.append(contentsOf: behaviours) }
    }

    func setBehaviour(_ behaviour: TestBehaviour?, forModel model: String) {
        inner.withLock { $0.byModel[model] = behaviour }
    }

    /// The next scripted behaviour, else the one for `model`, else the standard answer.
    func nextBehaviour(forModel model: String) -> TestBehaviour {
        inner.withLock { inner in
            if !inner.queue.isEmpty { return inner.queue.removeFirst() }
            return inner.byModel[model] ?? .answer(.standard)
        }
    }

    /// Records a request and returns its index.
    func record(_ request: RecordedRequest) -> Int {
        inner.withLock { inner in
            inner.requests.append(request)
            return inner.requests.count - 1
        }
    }

    var requests: [RecordedRequest] { inner.withLock { $0.requests } }

    func connectionClosed(servingRequests indices: [Int]) {
        let waiters = inner.withLock { inner -> [CheckedContinuation<Void, Never>] in
            var waiters: [CheckedContinuation<Void, Never>] = []
            for index in indices {
                inner.closedRequests.insert(index)
                waiters += inner.disconnectWaiters.removeValue(forKey: index) ?? []
            }
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func waitForDisconnect(ofRequest index: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let closed = inner.withLock { inner -> Bool in
                if inner.closedRequests.contains(index) { return true }
                inner.disconnectWaiters[index, default: []].append(continuation)
                return false
            }
            if closed { continuation.resume() }
        }
    }

    func isDisconnected(request index: Int) -> Bool {
        inner.withLock { $0.closedRequests.contains(index) }
    }

    func add(_ channel: any Channel) {
        inner.withLock { $0.channels[ObjectIdentifier(channel)] = channel }
    }

    func remove(_ channel: any Channel) {
        _ = inner.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func takeChannels() -> [any Channel] {
        inner.withLock { inner in
            defer { inner.channels = [:] }
            return Array(inner.channels.values)
        }
    }

    /// A request began to be answered.
    func responseStarted() {
        inner.withLock { inner in
            inner.inFlight += 1
            inner.mostInFlight = max(inner.mostInFlight, inner.inFlight)
        }
    }

    /// A request's response ended, or its connection closed before it did.
    func responseEnded() {
        inner.withLock { $0.inFlight -= 1 }
    }

    var requestsInFlight: Int { inner.withLock { $0.inFlight } }
    var mostRequestsInFlight: Int { inner.withLock { $0.mostInFlight } }

    /// Keeps a response to a request for `model` back until ``releaseHeld(model:)``; `release` sends it.
    func hold(model: String, _ release: @escaping @Sendable () -> Void) {
        let ready = inner.withLock { inner -> [CheckedContinuation<Void, Never>] in
            inner.held.append((model, release))
            let held = inner.held
            let isReady = { (waiter: (count: Int, model: String?, continuation: CheckedContinuation<Void, Never>)) in
                held.filter { waiter.model == nil || $0.model == waiter.model }.count >= waiter.count
            }
            defer { inner.heldWaiters.removeAll(where: isReady) }
            return inner.heldWaiters.filter(isReady).map(\.continuation)
        }
        for waiter in ready { waiter.resume() }
    }

    /// Sends every response held so far (for `model`, or for any); returns how many.
    @discardableResult
    func releaseHeld(model: String? = nil) -> Int {
        let releases = inner.withLock { inner in
            let matching = { (held: (model: String, release: @Sendable () -> Void)) in model == nil || held.model == model }
            defer { inner.held.removeAll(where: matching) }
            return inner.held.filter(matching).map(\.release)
        }
        for release in releases { release() }
        return releases.count
    }

    /// Returns once at least `count` responses (for `model`, or for any) are held.
    func waitForHeld(_ count: Int, model: String?) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = inner.withLock { inner -> Bool in
                if inner.held.filter({ model == nil || $0.model == model }).count >= count { return true }
                inner.heldWaiters.append((count, model, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
