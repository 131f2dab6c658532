import Foundation
@testable import ArenaKit

/// A seeded mutation fuzzer for arena's readers of untrusted input (issue 11, "make it stay
/// fixed"). Each target starts from a seed corpus taken from the repository's own examples and
/// feeds mutated copies to the reader: a crash or hang ends the test run; a broken invariant is a
/// test failure naming the input.
///
/// The run is short by default (for CI); `scripts/fuzz` runs it longer with
/// `ARENA_FUZZ_ITERATIONS`, a fresh `ARENA_FUZZ_SEED`, and `ARENA_FUZZ_SAVE` naming a folder where
/// each input is written before it is tried, so the input that crashed the process is left there
/// to become a unit test.
struct FuzzHarness {
    let target: String
    let seeds: [[UInt8]]
    var generator: SplitMix64
    let iterations: Int
    private let saveFolder: String?

    /// Tokens that reach interesting states in the readers (quotes, escapes, separators, YAML
    /// anchors and aliases, `${`, SSE fields, bytes that are not UTF-8).
    static let dictionary: [[UInt8]] = [
        "\"", "\\", "{", "}", "[", "]", ":", ",", "\n", "\r\n", "\r", "\t", " ", "#", "=", "'", "$", "${A}", "${",
        "data: ", "event: ", "id: ", "retry: 5", ": comment", "\n\n", "[DONE]", "\\u0000", "\\ud800", "1e999", "-0", "null",
        "&a ", "*a", "- ", "---", "!!str ", "? ", "|\n  ", "\"\"\"", "/expect a matches ", "/models ", "export ",
        "{\"type\":\"answer\",\"v\":1,\"turn\":1,\"side\":\"a\",\"status\":\"done\",\"text\":\"x\"}",
        "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0x1B, 0x5B], [0x7F], [0xC2, 0x9B]]

    init(target: String, seeds: [[UInt8]], defaultIterations: Int = 2_000) {
        let environment = ProcessInfo.processInfo.environment
        self.target = target
        self.seeds = seeds.isEmpty ? [[]] : seeds
        iterations = environment["ARENA_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
        let seed = environment["ARENA_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED
        var hasher = Hasher.fnv1a(target)
        hasher ^= seed
        generator = SplitMix64(seed: hasher)
        saveFolder = environment["ARENA_FUZZ_SAVE"]
    }

    /// Calls `body` with every seed, then with `iterations` mutated inputs.
    mutating func run(_ body: ([UInt8]) throws -> Void) rethrows {
        for seed in seeds { try body(seed) }
        for _ in 0..<iterations {
            let input = mutated()
            if let saveFolder {
                try? Data(input).write(to: URL(fileURLWithPath: "\(saveFolder)/\(target).last"))
            }
            try body(input)
        }
    }

    /// A copy of a random seed with one to eight mutations.
    mutating func mutated() -> [UInt8] {
        var bytes = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            mutate(&bytes)
        }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<8, using: &generator) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
        case 1 where !bytes.isEmpty:
            bytes[position] = UInt8.random(in: 0...255, using: &generator)
        case 2:
            bytes.insert(contentsOf: Self.dictionary.randomElement(using: &generator)!, at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
            bytes.removeSubrange(position..<end)
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
        case 5:
            let other = seeds.randomElement(using: &generator)!
            guard !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &generator)
            let end = min(other.count, start + Int.random(in: 1...128, using: &generator))
            bytes.insert(contentsOf: other[start..<end], at: position)
        case 6 where !bytes.isEmpty:
            bytes.removeSubrange(position...)
        default:
            bytes.insert(contentsOf: Self.dictionary.randomElement(using: &generator)!, at: bytes.count)
        }
    }

    /// The repository's own files, as seeds: `relativePaths` from the package root.
    static func repositoryFiles(_ relativePaths: [String]) -> [[UInt8]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return relativePaths.compactMap { FileManager.default.contents(atPath: root.appendingPathComponent($0).path).map(Array.init) }
    }
}

extension Hasher {
    /// A stable 64-bit hash of `text` (FNV-1a), so each target has its own random sequence
    /// across runs (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
