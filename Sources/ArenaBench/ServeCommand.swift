import ArenaTestServer
import Foundation
import Synchronization

/// `arena-bench serve`: runs the loopback server on its own, for profiling arena by hand.
/// Every chat request for any of `models` gets a firehose of `chunks` chunks. Prints the port,
/// then serves until standard input closes or `seconds` pass.
enum ServeCommand {
    static func run(chunks: Int, seconds: Int, texts: [String] = FirehoseText.words, models: [String] = ["a1", "b1"]) async -> Int32 {
        let server = ProviderTestServer(dialect: .openAI, apiKey: nil, models: models)
        let port: Int
        do {
            port = try await server.start()
        } catch {
            FileHandle.standardError.write(Data("arena-bench serve: cannot start the server: \(error)\n".utf8))
            return 1
        }
        for model in models {
            server.setBehaviour(.firehose(chunks: chunks, texts: texts), forModel: model)
        }
        FileHandle.standardOutput.write(Data("\(port)\n".utf8))
        let stdinClosed = StdinWatcher()
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline && !stdinClosed.isClosed {
            try? await Task.sleep(for: .milliseconds(200))
        }
        await server.shutdown()
        return 0
    }
}

/// Notes when standard input reaches its end, from a background thread.
final class StdinWatcher: Sendable {
    private let closed = Atomic<Bool>(false)

    init() {
        let thread = Thread { [self] in
            var byte: UInt8 = 0
            while read(0, &byte, 1) > 0 {}
            closed.store(true, ordering: .releasing)
        }
        thread.start()
    }

    var isClosed: Bool { closed.load(ordering: .acquiring) }
}
