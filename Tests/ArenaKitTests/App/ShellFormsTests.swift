import Testing
@testable import ArenaKit

/// The pieces of the shell forms: the one-shot prompt, `$EDITOR` words, `run --models`.
@Suite struct ShellFormsTests {
    @Test func pipedTextFollowsTheArgumentAfterABlankLine() {
        #expect(OneShot.prompt(argument: "Summarise this", piped: "a\nb\n\n") == "Summarise this\n\na\nb")
        #expect(OneShot.prompt(argument: "Hi", piped: nil) == "Hi")
        #expect(OneShot.prompt(argument: "Hi", piped: " \n") == "Hi")
    }

    @Test(arguments: [
        ("vi", ["vi"]),
        ("code -w", ["code", "-w"]),
        ("  emacsclient   -t ", ["emacsclient", "-t"]),
        ("\"/opt/My Editor/edit\" --wait", ["/opt/My Editor/edit", "--wait"]),
        ("'/a b/c' 'x\\y'", ["/a b/c", "x\\y"]),
        ("edit\\ me \"say \\\"hi\\\" \\n\"", ["edit me", "say \"hi\" \\n"]),
        ("''", [""]),
    ])
    func editorCommandsSplitAsAShellWould(line: String, words: [String]) {
        #expect(ShellWords.split(line) == words)
    }

    @Test func anUnclosedQuoteIsNoCommand() {
        #expect(ShellWords.split("vim 'oops") == nil)
    }

    @Test func runModelsLeavesOutTheScriptsModelsLinesOnly() throws {
        let items = try ScriptParser.parse("/models echo echo\n/models\n/model a scribe\nhello\n", file: "s.arena")
        let (kept, notes) = ScriptModelsOverride.apply(to: items, models: ["scribe", "echo"])
        #expect(kept.count == 3)
        #expect(notes == ["note: s.arena:1: the script's /models line is overridden by --models scribe echo"])
    }
}
