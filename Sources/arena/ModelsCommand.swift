import ArenaKit
import ArgumentParser
import Foundation

/// `arena models`: every model arena knows, where it comes from, and (with --check) whether it answers.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List every model with its provider, origin and endpoint host; --check asks each a tiny question.",
        usage: "arena models [<options>] [--check] [--all]"
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Send each usable model a tiny request and report what works.")
    var check = false

    @Flag(name: .long, help: "Also list the <NAME>_ENDPOINT variables that are not chat endpoints, with the reason each was left out.")
    var all = false

    @Flag(name: .long, help: "Print the list (and the checks) as one JSON document (docs/json-output.md).")
    var json = false

    func run() async throws {
        let setup = try common.setup()
        await setup.catalog.discoverLocalServers(into: setup.registry)
        let models = await ModelListing.withServedModels(setup.registry.descriptors, registry: setup.registry)
        if !json {
            print(ModelListing.table(models, width: TerminalDevice.size()?.columns))
            if all, !setup.catalog.leftOut.isEmpty {
                print("\nLeft out (not chat endpoints):")
                for leftOut in setup.catalog.leftOut { print("  " + TextSanitizer.sanitizeLine(leftOut.description)) }
            }
        }
        guard check else {
            if json { print(ModelListing.json(models, leftOut: all ? setup.catalog.leftOut : nil, checks: nil), terminator: "") }
            return
        }
        // Nobody watches a check's answer: the built-in models answer at full speed.
        setup.runUnwatched()
        let registry = setup.registry
        let results = await withTaskGroup(of: (Int, ModelCheckResult).self) { group in
            for (index, model) in models.enumerated() where model.problem == nil {
                group.addTask { (index, await ModelCatalog.check(model: model.name, in: registry)) }
            }
            var results: [(Int, ModelCheckResult)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        if json {
            print(ModelListing.json(models, leftOut: all ? setup.catalog.leftOut : nil, checks: results), terminator: "")
        } else {
            print("")
            for result in results { print(TextSanitizer.sanitizeLine(result.description)) }
        }
        if results.contains(where: { !$0.succeeded }) || models.contains(where: { $0.problem != nil }) {
            throw ExitCode(1)
        }
    }
}
