import ArenaKit
import ArenaTestServer
import ArenaTestSupport
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sections 1 and 2: the loopback server streams `chunks` OpenAI-format chunks to each side
/// and the real arena binary decodes, accumulates and prints them — into a pipe (1) and into a
/// pseudo-terminal with the live column renderer (2).
struct EndToEndBench {
    var environment: BenchEnvironment
    var chunks: Int
    var runs: Int
    /// The turns of the longer session whose memory is compared with one turn's.
    var sessionTurns: Int
    /// The texts the chunks carry, in turn.
    var chunkTexts = FirehoseText.words
    var log: (String) -> Void

    /// One streamed turn: how long it took from the first request to its end, and what the
    /// arena process cost overall.
    struct Run {
        var turnSeconds: Double
        var outcome: ChildOutcome
        var outputBytes: Int
    }

    func measure() async -> [Measurement] {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["a1", "b1"])
        let port: Int
        do {
            port = try await server.start()
        } catch {
            return [Measurement.failed(id: "e2e.pipe.chunks_per_second", section: 1, label: "chunks/s, both streams", unit: "chunks/s",
                                       target: .atLeast(1_000_000), reason: "cannot start the loopback server: \(error)")]
        }
        let variables = [
            "A1_ENDPOINT": "http://127.0.0.1:\(port)/v1", "A1_KEY": "k",
            "B1_ENDPOINT": "http://127.0.0.1:\(port)/v1", "B1_KEY": "k",
        ]
        let arguments = ["--model-a", "a1", "--model-b", "b1", "--no-record", "--no-history"]
        var results: [Measurement] = []

        let (pipeRuns, pipeFailure) = repeatedRuns("pipe", server: server) {
            try pipeRun(server: server, variables: variables, arguments: arguments)
        }
        results += summarise(pipeRuns, section: 1, prefix: "e2e.pipe", failure: pipeFailure)
        if sessionTurns > 1 {
            log("end to end, pipe: one session of \(sessionTurns) turns, for memory growth")
            server.enqueue(contentsOf: Array(repeating: TestBehaviour.firehose(chunks: chunks, texts: chunkTexts), count: 2 * sessionTurns))
            do {
                let run = try pipeRun(server: server, variables: variables, arguments: arguments, prompts: sessionTurns)
                let sessionMiB = Double(run.outcome.maxResidentBytes) / 1_048_576
                results.append(Measurement(id: "e2e.pipe.session_max_rss_mib", section: 1, label: "arena peak RSS, \(sessionTurns)-turn session (pipe)",
                                           value: sessionMiB, unit: "MiB", target: .atMost(40), decimals: 1,
                                           note: "\(sessionTurns) turns of \(2 * chunks) chunks in one process; the history holds every answer"))
                if let oneTurn = pipeRuns.map(\.outcome.maxResidentBytes).min() {
                    let growth = (sessionMiB - Double(oneTurn) / 1_048_576) / Double(sessionTurns - 1)
                    let historyPerTurn = Double(2 * FirehoseText.textBytes(chunks: chunks, texts: chunkTexts)) / 1_048_576
                    results.append(Measurement(id: "e2e.pipe.rss_growth_per_turn_mib", section: 1, label: "peak RSS growth per turn (pipe)",
                                               value: growth, unit: "MiB", target: nil, decimals: 2,
                                               note: "from one turn to \(sessionTurns); each turn adds \(Report.format(historyPerTurn, decimals: 2)) MiB of answers to the history, which every later request sends"))
                }
            } catch {
                results.append(.failed(id: "e2e.pipe.session_max_rss_mib", section: 1, label: "arena peak RSS, \(sessionTurns)-turn session (pipe)",
                                       unit: "MiB", target: .atMost(40), reason: "\(error)"))
            }
        }

        let (terminalRuns, terminalFailure) = repeatedRuns("terminal", server: server) {
            try terminalRun(server: server, variables: variables, arguments: arguments)
        }
        results += summarise(terminalRuns, section: 2, prefix: "e2e.terminal", failure: terminalFailure)
        if !pipeRuns.isEmpty && !terminalRuns.isEmpty {
            let ratio = Samples(terminalRuns.map(\.turnSeconds)).median / Samples(pipeRuns.map(\.turnSeconds)).median
            results.append(Measurement(id: "e2e.terminal.time_ratio_to_pipe", section: 2, label: "time relative to (1)", value: ratio,
                                       unit: "×", target: .atMost(1.5), decimals: 2))
        }

        log("in-process client: \(chunks) chunks a side through OpenAIClient, no renderer")
        results.append(await inProcessClients(server: server, port: port))
        await server.shutdown()
        return results
    }

    /// Runs `body` `runs` times, each after queueing one firehose answer per side; stops at the
    /// first failure and returns it with the runs that succeeded.
    private func repeatedRuns(_ mode: String, server: ProviderTestServer, _ body: () throws -> Run) -> ([Run], String?) {
        var done: [Run] = []
        for index in 1...runs {
            log("end to end, \(mode): run \(index)/\(runs), \(chunks) chunks a side")
            server.enqueue(.firehose(chunks: chunks, texts: chunkTexts), .firehose(chunks: chunks, texts: chunkTexts))
            do {
                done.append(try body())
            } catch {
                return (done, "\(error)")
            }
        }
        return (done, nil)
    }

    private func summarise(_ runs: [Run], section: Int, prefix: String, failure: String?) -> [Measurement] {
        let label = section == 1 ? "pipe" : "terminal"
        guard !runs.isEmpty else {
            return [Measurement.failed(id: "\(prefix).chunks_per_second", section: section, label: "chunks/s, both streams (\(label))",
                                       unit: "chunks/s", target: section == 1 ? .atLeast(1_000_000) : nil, reason: failure ?? "no run")]
        }
        let turn = Samples(runs.map(\.turnSeconds))
        let rate = Double(2 * chunks) / turn.median
        var measurements = [
            Measurement(id: "\(prefix).chunks_per_second", section: section, label: "chunks/s, both streams (\(label))", value: rate,
                        unit: "chunks/s", target: section == 1 ? .atLeast(1_000_000) : nil, decimals: 0,
                        note: "\(2 * chunks) chunks; median of \(runs.count) turns, first request to end of turn: \(Report.format(turn.median * 1000, decimals: 0)) ms (min \(Report.format(turn.minimum * 1000, decimals: 0)))" + (failure.map { "; a later run failed: \($0)" } ?? "")),
            Measurement(id: "\(prefix).turn_ms", section: section, label: "turn time (\(label))", value: turn.median * 1000, unit: "ms", target: nil, decimals: 0),
            Measurement(id: "\(prefix).cpu_seconds", section: section, label: "arena CPU, user+sys (\(label))", value: Samples(runs.map(\.outcome.cpuSeconds)).median,
                        unit: "s", target: nil, decimals: 2),
            Measurement(id: "\(prefix).wall_seconds", section: section, label: "arena process wall time (\(label))", value: Samples(runs.map(\.outcome.wallSeconds)).median,
                        unit: "s", target: nil, decimals: 2),
        ]
        let rss = Double(runs.map(\.outcome.maxResidentBytes).max() ?? 0) / 1_048_576
        measurements.append(Measurement(id: "\(prefix).max_rss_mib", section: section, label: "arena peak RSS (\(label))", value: rss, unit: "MiB",
                                        target: section == 1 ? .atMost(40) : nil, decimals: 1,
                                        note: "the largest of \(runs.count) runs: " + runs.map { Report.format(Double($0.outcome.maxResidentBytes) / 1_048_576, decimals: 1) }.joined(separator: ", ") + " MiB"))
        return measurements
    }

    /// Pipe mode: one prompt on standard input, output into a drained pipe.
    private func pipeRun(server: ProviderTestServer, variables: [String: String], arguments: [String], prompts: Int = 1) throws -> Run {
        let before = chatRequestCount(server)
        var inputFDs: [Int32] = [0, 0]
        guard pipe(&inputFDs) == 0 else { throw ChildProcessError(description: "pipe failed") }
        _ = fcntl(inputFDs[1], F_SETFD, FD_CLOEXEC)
        let output = try DrainedPipe(keepLimit: 4096)
        let errors = try DrainedPipe()
        let watcher = RequestWatcher(server: server, after: before)
        let child = try ChildProcess(
            executable: environment.arena, arguments: arguments, environment: environment.childEnvironment(variables),
            stdin: inputFDs[0], stdout: output.writeEnd, stderr: errors.writeEnd
        )
        close(inputFDs[0])
        output.closeWriteEnd()
        errors.closeWriteEnd()
        let line = Array(String(repeating: "Say many words.\n", count: prompts).utf8)
        _ = line.withUnsafeBytes { write(inputFDs[1], $0.baseAddress, $0.count) }
        close(inputFDs[1])
        let outcome = child.wait(timeout: .seconds(180))
        let printed = output.finish()
        let errorText = errors.finish().head
        guard let firstRequest = watcher.stop() else {
            throw ChildProcessError(description: "arena sent no chat request (exit \(outcome.status)): \(errorText.prefix(300))")
        }
        guard outcome.status == 0 else {
            throw ChildProcessError(description: "arena exited with status \(outcome.status): \(errorText.prefix(300))")
        }
        let expected = 2 * prompts * FirehoseText.textBytes(chunks: chunks, texts: chunkTexts)
        guard printed.count >= expected else {
            throw ChildProcessError(description: "arena printed \(printed.count) bytes, expected at least \(expected): \(printed.head.prefix(200)) \(errorText.prefix(200))")
        }
        return Run(turnSeconds: (outcome.exitedAt - firstRequest).seconds, outcome: outcome, outputBytes: printed.count)
    }

    /// Terminal mode: arena in a pseudo-terminal; the prompt is typed once its prompt shows,
    /// and the turn ends when the prompt shows again.
    private func terminalRun(server: ProviderTestServer, variables: [String: String], arguments: [String]) throws -> Run {
        let before = chatRequestCount(server)
        let terminal = try PseudoTerminal(watching: "arena> ", keepsOutput: false)
        defer { terminal.close() }
        let watcher = RequestWatcher(server: server, after: before)
        let child = try ChildProcess(
            executable: environment.arena, arguments: arguments, environment: environment.childEnvironment(variables),
            stdin: -1, stdout: -1, stderr: -1, controllingTerminal: terminal.slavePath
        )
        guard terminal.waitForWatchedText(count: 1, timeout: .seconds(20)) != nil else {
            _ = child.wait(timeout: .milliseconds(1))
            _ = watcher.stop()
            throw ChildProcessError(description: "arena's prompt did not appear in the terminal within 20 s")
        }
        terminal.send("Say many words.\r")
        let promptAgain = terminal.waitForWatchedText(count: 2, timeout: .seconds(180))
        terminal.send("\u{04}")
        let outcome = child.wait(timeout: .seconds(10))
        let firstRequest = watcher.stop()
        guard let promptAgain, let firstRequest else {
            throw ChildProcessError(description: "the turn did not finish in the terminal (exit \(outcome.status))")
        }
        return Run(turnSeconds: (promptAgain - firstRequest).seconds, outcome: outcome, outputBytes: terminal.totalBytes)
    }

    private func chatRequestCount(_ server: ProviderTestServer) -> Int {
        server.requests.filter { $0.path.hasSuffix("/chat/completions") }.count
    }

    /// The same streams read by two `OpenAIClient`s inside this process: HTTP, SSE, JSON and
    /// accumulation, without arena's process, REPL or renderer.
    private func inProcessClients(server: ProviderTestServer, port: Int) async -> Measurement {
        let label = "in-process OpenAIClient ×2, no renderer"
        let id = "e2e.in_process_client.chunks_per_second"
        var times: [Double] = []
        for _ in 0..<runs {
            server.enqueue(.firehose(chunks: chunks, texts: chunkTexts), .firehose(chunks: chunks, texts: chunkTexts))
            let start = ContinuousClock.now
            let received = await withTaskGroup(of: Int.self) { group in
                for name in ["a1", "b1"] {
                    group.addTask {
                        let connection = ModelConnection(name: name, provider: .openAI, endpoint: "http://127.0.0.1:\(port)/v1", key: APIKey("k"))
                        let sink = CountingSink()
                        do {
                            let client = try OpenAIClient(connection: connection)
                            try await client.stream(ChatRequest(messages: [.user("Say many words.")], settings: GenerationSettings()), into: sink)
                        } catch {
                            return -1
                        }
                        return sink.textBytes
                    }
                }
                return await group.reduce(into: [Int]()) { $0.append($1) }
            }
            let expected = FirehoseText.textBytes(chunks: chunks, texts: chunkTexts)
            if received.contains(where: { $0 != expected }) {
                return Measurement.failed(id: id, section: 1, label: label, unit: "chunks/s", reason: "the clients received \(received) bytes of text, expected \(expected) each")
            }
            times.append((ContinuousClock.now - start).seconds)
        }
        return Measurement(id: id, section: 1, label: label, value: Double(2 * chunks) / Samples(times).median, unit: "chunks/s", target: nil, decimals: 0,
                           note: "both streams in the benchmark process (which also runs the server), median of \(runs)")
    }
}

/// An answer sink that accumulates the text, as arena's collector does. Clients join the text
/// of one network read into one event, so what is counted is the text, not the events.
final class CountingSink: AnswerSink {
    private let state = Mutex((text: "", events: 0))

    func receive(_ event: AnswerEvent) {
        if case .text(let piece) = event {
            state.withLock { state in
                state.text += piece
                state.events += 1
            }
        }
    }

    var textBytes: Int { state.withLock { $0.text.utf8.count } }
}

/// Notes when the server receives the first chat request after a given count, by polling
/// the server's request log from a background thread every quarter millisecond.
final class RequestWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var seenAt: ContinuousClock.Instant?
    private var stopped = false

    init(server: ProviderTestServer, after count: Int) {
        let thread = Thread { [self] in
            while true {
                lock.lock()
                let done = stopped || seenAt != nil
                lock.unlock()
                if done { return }
                if server.requests.filter({ $0.path.hasSuffix("/chat/completions") }).count > count {
                    let now = ContinuousClock.now
                    lock.lock()
                    seenAt = now
                    lock.unlock()
                    return
                }
                usleep(250)
            }
        }
        thread.start()
    }

    /// Stops watching; returns when the first request arrived, if it did.
    func stop() -> ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        stopped = true
        return seenAt
    }
}
