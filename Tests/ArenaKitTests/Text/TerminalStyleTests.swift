import Testing
@testable import ArenaKit

/// Colour follows NO_COLOR, then FORCE_COLOR / CLICOLOR_FORCE, then TERM=dumb, then the output.
@Suite struct TerminalStyleTests {
    @Test(arguments: [
        ([:], true, true),
        ([:], false, false),
        (["NO_COLOR": "1"], true, false),
        (["NO_COLOR": ""], true, true),
        (["FORCE_COLOR": "1"], false, true),
        (["FORCE_COLOR": "3"], false, true),
        (["FORCE_COLOR": ""], false, false),
        (["FORCE_COLOR": "0"], false, false),
        (["FORCE_COLOR": "false"], false, false),
        (["CLICOLOR_FORCE": "1"], false, true),
        (["CLICOLOR_FORCE": "0"], false, false),
        (["FORCE_COLOR": "1", "NO_COLOR": "1"], true, false),
        (["TERM": "dumb"], true, false),
        (["TERM": "dumb", "FORCE_COLOR": "1"], true, true),
        (["TERM": "xterm-256color"], true, true),
    ] as [([String: String], Bool, Bool)])
    func colourFollowsTheEnvironment(environment: [String: String], isTerminal: Bool, expected: Bool) {
        #expect(TerminalStyle.detect(environment: environment, isTerminal: isTerminal).colorEnabled == expected)
    }

    @Test func onlyTermDumbIsDumb() {
        #expect(TerminalStyle.isDumbTerminal(environment: ["TERM": "dumb"]))
        #expect(!TerminalStyle.isDumbTerminal(environment: ["TERM": "xterm"]))
        #expect(!TerminalStyle.isDumbTerminal(environment: [:]))
    }
}
