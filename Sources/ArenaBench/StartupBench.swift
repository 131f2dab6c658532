import ArenaTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Section 4: how long `arena --version` takes, and how long until the REPL's prompt is ready
/// in a terminal (built-in models only, no local servers).
struct StartupBench {
    var environment: BenchEnvironment
    var versionRuns: Int
    var promptRuns: Int
    var log: (String) -> Void

    func measure() -> (measurements: [Measurement], version: String) {
        var results: [Measurement] = []
        var version = "?"

        log("start-up: arena --version ×\(versionRuns)")
        do {
            let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
            defer { close(null) }
            // Once with the output kept, to check it and to name the version.
            let output = try DrainedPipe()
            let first = try ChildProcess(executable: environment.arena, arguments: ["--version"], environment: environment.childEnvironment(),
                                         stdin: null, stdout: output.writeEnd, stderr: output.writeEnd)
            output.closeWriteEnd()
            let outcome = first.wait(timeout: .seconds(10))
            version = output.finish().head.trimmingCharacters(in: .whitespacesAndNewlines)
            guard outcome.status == 0 else { throw ChildProcessError(description: "arena --version exited with status \(outcome.status)") }
            var times: [Double] = []
            var memory: [Double] = []
            for _ in 0..<versionRuns {
                let child = try ChildProcess(executable: environment.arena, arguments: ["--version"], environment: environment.childEnvironment(),
                                             stdin: null, stdout: null, stderr: null)
                let outcome = child.wait(timeout: .seconds(10))
                times.append(outcome.wallSeconds)
                memory.append(Double(outcome.maxResidentBytes) / 1_048_576)
            }
            let samples = Samples(times)
            results.append(Measurement(id: "startup.version_ms", section: 4, label: "arena --version", value: samples.median * 1000, unit: "ms",
                                       target: .atMost(20), decimals: 1,
                                       note: "median of \(versionRuns) (min \(Report.format(samples.minimum * 1000, decimals: 1)) ms, max \(Report.format(samples.maximum * 1000, decimals: 1)) ms), spawn to exit; peak RSS \(Report.format(Samples(memory).median, decimals: 1)) MiB"))
        } catch {
            results.append(.failed(id: "startup.version_ms", section: 4, label: "arena --version", unit: "ms", target: .atMost(20), reason: "\(error)"))
        }

        log("start-up: prompt ready in a terminal ×\(promptRuns)")
        do {
            var times: [Double] = []
            for _ in 0..<promptRuns {
                let terminal = try PseudoTerminal(watching: "arena> ", keepsOutput: false)
                defer { terminal.close() }
                let child = try ChildProcess(executable: environment.arena, arguments: ["--no-record", "--no-history"],
                                             environment: environment.childEnvironment(),
                                             stdin: -1, stdout: -1, stderr: -1, controllingTerminal: terminal.slavePath)
                let ready = terminal.waitForWatchedText(count: 1, timeout: .seconds(10))
                terminal.send("\u{04}")
                let outcome = child.wait(timeout: .seconds(10))
                guard let ready else {
                    throw ChildProcessError(description: "no prompt within 10 s (exit \(outcome.status))")
                }
                times.append((ready - child.startedAt).seconds)
            }
            let samples = Samples(times)
            results.append(Measurement(id: "startup.prompt_ms", section: 4, label: "prompt ready in a terminal", value: samples.median * 1000, unit: "ms",
                                       target: .atMost(50), decimals: 1,
                                       note: "median of \(promptRuns) (min \(Report.format(samples.minimum * 1000, decimals: 1)) ms), spawn until \"arena> \" is read from the terminal"))
        } catch {
            results.append(.failed(id: "startup.prompt_ms", section: 4, label: "prompt ready in a terminal", unit: "ms", target: .atMost(50), reason: "\(error)"))
        }
        return (results, version)
    }
}
