import NIOCore
import Synchronization

/// The test server's shared, thread-safe state: scripted behaviours, recorded requests, open
/// connections and who is waiting for a connection to close.
final class ServerState: Sendable {
    private struct Inner {
        var queue: [TestBehaviour] = []
        var byModel: [String: TestBehaviour] = [:]
        var requests: [RecordedRequest] = []
        var closedRequests: Set<Int> = []
        var disconnectWaiters: [Int: [CheckedContinuation<Void, Never>]] = [:]
        var channels: [ObjectIdentifier: any Channel] = [:]
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
}
