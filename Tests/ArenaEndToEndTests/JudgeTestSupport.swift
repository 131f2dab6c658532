import ArenaTestServer
import Foundation

/// What the judge's end-to-end tests share: a loopback server serving a judge model, and the
/// verdicts recorded in a folder of transcripts.
enum JudgeTestSupport {
    /// A server answering as the model `judge`, its port, and the environment that makes
    /// arena know it (as `judge`, from `JUDGE_*` variables), at full speed and without colour.
    static func judgeServer() async throws -> (ProviderTestServer, Int, [String: String]) {
        let server = ProviderTestServer(dialect: .openAI, apiKey: "k", models: ["judge"])
        let port = try await server.start()
        return (server, port, [
            "JUDGE_ENDPOINT": "http://127.0.0.1:\(port)/v1", "JUDGE_KEY": "k", "JUDGE_MODEL": "judge",
            "ARENA_PACE": "0", "NO_COLOR": "1",
        ])
    }

    /// Every `judge_verdict` event recorded in the `.jsonl` files of `directory`.
    static func verdictEvents(in directory: String) throws -> [[String: Any]] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.flatMap { name in
            try String(contentsOfFile: directory + "/" + name, encoding: .utf8).split(separator: "\n")
                .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .filter { $0["type"] as? String == "judge_verdict" }
        }
    }
}
