import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `arena-bench`: the benchmark suite behind `scripts/bench`. See docs/performance.md.
let usage = """
    usage: arena-bench --arena PATH [--mmlu DIR] [--json] [--quick] [--only LIST] [--firehose plain|markdown]
           arena-bench serve [--chunks N] [--seconds S] [--text T | --firehose plain|markdown]

      --arena PATH   the release arena binary to measure
      --mmlu DIR     the MMLU data (default: ../shared/mmlu from the working directory)
      --json         print JSON instead of the table
      --quick        smaller counts (about a tenth of the work)
      --only LIST    comma-separated sections: e2e, render, decode, startup, data, ratings
                     (default: all)
      --firehose K   what the end-to-end firehose streams: plain words (default) or markdown
                     (headings, emphasis, a nested list, fenced code, a table)

    serve: runs the loopback server alone and prints its port; every chat request for model
    a1 or b1 gets a firehose of N chunks (default 100000) carrying the benchmark's words in
    turn, or T in every chunk. Stops when standard input closes or after S seconds (default 600).
    """

if CommandLine.arguments.dropFirst().first == "serve" {
    var serveArguments = CommandLine.arguments.dropFirst(2)
    var chunks = 100_000
    var seconds = 600
    var texts = FirehoseText.words
    while let argument = serveArguments.popFirst() {
        switch argument {
        case "--chunks": chunks = Int(serveArguments.popFirst() ?? "") ?? chunks
        case "--seconds": seconds = Int(serveArguments.popFirst() ?? "") ?? seconds
        case "--text": texts = serveArguments.popFirst().map { [$0] } ?? texts
        case "--firehose": texts = serveArguments.popFirst() == "markdown" ? FirehoseText.markdown : FirehoseText.words
        default:
            FileHandle.standardError.write(Data("arena-bench serve: unknown argument '\(argument)'\n\(usage)\n".utf8))
            exit(2)
        }
    }
    exit(await ServeCommand.run(chunks: chunks, seconds: seconds, texts: texts))
}

var options = (arena: "", mmlu: "../shared/mmlu", json: false, quick: false, only: Set(["e2e", "render", "decode", "startup", "data", "ratings"]), firehose: FirehoseText.words)
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--arena": options.arena = arguments.popFirst() ?? ""
    case "--mmlu": options.mmlu = arguments.popFirst() ?? ""
    case "--json": options.json = true
    case "--quick": options.quick = true
    case "--only": options.only = Set((arguments.popFirst() ?? "").split(separator: ",").map(String.init))
    case "--firehose":
        switch arguments.popFirst() {
        case "plain": options.firehose = FirehoseText.words
        case "markdown": options.firehose = FirehoseText.markdown
        case let other:
            FileHandle.standardError.write(Data("arena-bench: --firehose takes plain or markdown, got '\(other ?? "")'\n".utf8))
            exit(2)
        }
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        FileHandle.standardError.write(Data("arena-bench: unknown argument '\(argument)'\n\(usage)\n".utf8))
        exit(2)
    }
}
guard !options.arena.isEmpty, FileManager.default.isExecutableFile(atPath: options.arena) else {
    FileHandle.standardError.write(Data("arena-bench: --arena must name the arena binary (got '\(options.arena)')\n".utf8))
    exit(2)
}
let absolute = { (path: String) -> String in
    path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
}
let arenaPath = (absolute(options.arena) as NSString).standardizingPath
let mmluPath = (absolute(options.mmlu) as NSString).standardizingPath
signal(SIGPIPE, SIG_IGN)

let log: @Sendable (String) -> Void = { message in
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
}
let quick = options.quick
let environment: BenchEnvironment
do {
    environment = try BenchEnvironment.make(arena: arenaPath)
} catch {
    log("\(error)")
    exit(1)
}
// Every child runs in the scratch directory, so no .env or models file of the caller applies.
_ = FileManager.default.changeCurrentDirectoryPath(environment.scratch)

var measurements: [Measurement] = []
var version = "?"
let began = ContinuousClock.now
if options.only.contains("startup") {
    let startup = StartupBench(environment: environment, versionRuns: quick ? 5 : 30, promptRuns: quick ? 3 : 10, log: log).measure()
    measurements += startup.measurements
    version = startup.version
}
if options.only.contains("data") {
    measurements += DataBench(mmluDirectory: mmluPath, scratch: environment.scratch, turns: 1000, repetitions: quick ? 2 : 5, log: log).measure()
}
if options.only.contains("ratings") {
    measurements += RatingsBench(scratch: environment.scratch, turns: quick ? 1000 : 4000, repetitions: quick ? 1 : 3, log: log).measure()
}
if options.only.contains("decode") {
    measurements += DecodingBench(chunks: quick ? 20_000 : 100_000, log: log).measure()
}
if options.only.contains("render") {
    measurements += RenderBench(chunks: quick ? 20_000 : 100_000, chunkTexts: options.firehose, repetitions: quick ? 3 : 7, log: log).measure()
}
if options.only.contains("e2e") {
    let bench = EndToEndBench(environment: environment, chunks: quick ? 20_000 : 100_000, runs: quick ? 1 : 3, sessionTurns: quick ? 0 : 5, chunkTexts: options.firehose, log: log)
    measurements += await bench.measure()
}
environment.cleanUp()
log("done in \(Report.format((ContinuousClock.now - began).seconds, decimals: 1)) s")

if version == "?" {
    // Name the version even when start-up was not measured.
    if let pipe = try? DrainedPipe(), let child = try? ChildProcess(executable: arenaPath, arguments: ["--version"], environment: environment.childEnvironment(),
                                                                    stdin: 0, stdout: pipe.writeEnd, stderr: pipe.writeEnd) {
        pipe.closeWriteEnd()
        _ = child.wait(timeout: .seconds(10))
        version = pipe.finish().head.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
measurements = measurements.enumerated().sorted { ($0.element.section, $0.offset) < ($1.element.section, $1.offset) }.map(\.element)
let report = Report(measurements: measurements, quick: quick, date: Date(), cores: ProcessInfo.processInfo.activeProcessorCount, arenaVersion: version)
print(options.json ? report.json() : report.table(), terminator: "")
exit(0)
