import Foundation
import Testing

/// The completion scripts arena generates, run by a real bash: model names come from the live
/// configuration (asked of the built binary), transcript files by their extension.
@Suite struct ShellCompletionTests {
    /// What bash's completion of `line` (the words after `arena`) offers, in `directory`.
    private func complete(_ words: [String], in directory: String, extra: [String: String] = [:]) throws -> [String] {
        let script = try ArenaBinary.runPiped(["--generate-completion-script", "bash"], input: "")
        try #require(script.status == 0)
        let scriptPath = directory + "/arena.bash"
        try script.stdout.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        // COMP_WORDS[0] is the program the script calls back for custom completions.
        let program = """
            source "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _arena arena "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program, "bash", scriptPath, ArenaBinary.path] + words
        process.environment = ArenaBinary.environment(home: ArenaBinary.temporaryHome(), extra: extra)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func modelNamesComeFromTheLiveConfiguration() throws {
        let directory = ArenaBinary.temporaryHome()
        try "LOCAL_ENDPOINT=http://127.0.0.1:9/v1\nLOCAL_MODEL=qwen\n".write(toFile: directory + "/.env", atomically: true, encoding: .utf8)
        let environment = ["TEAM_ENDPOINT": "https://team.example/v1", "TEAM_KEY": "k", "TERSE_ENDPOINT": "https://x.example/v1"]
        #expect(try complete(["chat", "--model-a", ""], in: directory, extra: environment) == ["echo", "local", "scribe", "team"])
        #expect(try complete(["chat", "--model-b", "t"], in: directory, extra: environment) == ["team"])
        #expect(try complete(["replay", "--model-a", "sc"], in: directory, extra: environment) == ["scribe"])
        #expect(try complete(["chat", "-m", "e"], in: directory, extra: environment) == ["echo"])
        #expect(try complete(["run", "--models", "lo"], in: directory, extra: environment) == ["local"])
    }

    @Test func withoutASubcommandTheWordsCompleteAsChatsInBash() throws {
        // `arena --model-a x` is `arena chat --model-a x`: bash completes it the same way, and
        // offers subcommand names only as the first word.
        let directory = ArenaBinary.temporaryHome()
        let environment = ["TEAM_ENDPOINT": "https://team.example/v1", "TEAM_KEY": "k"]
        let top = try complete([""], in: directory)
        #expect(top.contains("chat") && top.contains("mmlu") && !top.contains("--json"))
        #expect(try complete(["--js"], in: directory) == ["--json"])
        #expect(try complete(["--model-a", ""], in: directory, extra: environment) == ["echo", "scribe", "team"])
        #expect(try complete(["Why is the sky blue?", "-m", "t"], in: directory, extra: environment) == ["team"])
        #expect(try complete(["--no-record", "r"], in: directory).isEmpty)
        #expect(try complete(["chat", "--js"], in: directory) == ["--json"])
    }

    @Test func subcommandsAndTranscriptFilesComplete() throws {
        let directory = ArenaBinary.temporaryHome()
        try FileManager.default.createDirectory(atPath: directory + "/older", withIntermediateDirectories: true)
        for name in ["2026-01-01.jsonl", "notes.txt"] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data()))
        }
        #expect(try complete(["sh"], in: directory) == ["show"])
        let offered = try complete(["show", ""], in: directory)
        #expect(offered.contains("2026-01-01.jsonl") && offered.contains("older"))
        #expect(!offered.contains("notes.txt"))
    }
}
