import ArenaKit
import ArgumentParser
import Foundation

/// Options every command that runs models shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The model on side A.", valueName: "name"), completion: .custom(ModelNameCompletion.candidates))
    var modelA: String?

    @Option(name: .long, help: ArgumentHelp("The model on side B.", valueName: "name"), completion: .custom(ModelNameCompletion.candidates))
    var modelB: String?

    @Option(name: .long, help: ArgumentHelp("Words per second for the built-in models (0: as fast as possible; default ARENA_PACE, else 25 on a terminal and 0 when nobody watches).", valueName: "wps"))
    var pace: Double?

    @Option(name: .long, help: ArgumentHelp("Where transcripts are written (default: ~/.local/share/arena/transcripts).", valueName: "dir"), completion: .directory)
    var transcripts: String?

    @Flag(name: .long, help: "Do not record a transcript.")
    var noRecord = false

    @Option(name: .long, help: ArgumentHelp("The models file (default: ARENA_CONFIG, else ~/.config/arena/models.yaml).", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The MMLU data (the release folder or its data/ folder); default ARENA_MMLU_DIR, ~/.local/share/arena/mmlu, else the built-in questions.", valueName: "dir"), completion: .directory)
    var mmlu: String?

    func validate() throws {
        if let pace, !(pace >= 0 && pace.isFinite) {
            throw ValidationError("--pace: expected a number of words per second, 0 or more, got \(pace)")
        }
    }

    /// The setup for this run; a bad configuration is one clear message and exit status 1.
    func setup() throws -> ArenaSetup {
        ArenaLogging.bootstrap()
        let setup: ArenaSetup
        do {
            setup = try ArenaSetup(environment: ProcessInfo.processInfo.environment, wordsPerSecond: pace, transcripts: transcripts, record: !noRecord, mmlu: mmlu, configPath: config)
        } catch {
            throw CLIFailure(error.description)
        }
        for warning in setup.configWarnings {
            setup.console.error("warning: \(warning)")
        }
        return setup
    }

    /// The starting pair, or a clean error naming the unknown model.
    func models(in setup: ArenaSetup, a: String? = nil, b: String? = nil) throws -> SidePair<ModelDescriptor> {
        do {
            return try setup.initialModels(a: a ?? modelA, b: b ?? modelB)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
