import Foundation

/// `arena "PROMPT"`: one prompt asked of both models, both answers shown (columns on a
/// terminal, labelled lines in a pipe, or one JSON document with `--json`), the turn recorded
/// in a transcript as usual, and an exit status saying whether both answered.
///
/// Exit status: 0 when both answers ended normally (`done`); 1 when a side failed or its
/// stream ended early (one line per such side on standard error, naming the side and model),
/// or the transcript could not be written; 130 when Ctrl-C stopped the answers.
public final class OneShot {
    /// The session asking the prompt (its `interrupter` is what Ctrl-C stops).
    public let session: ArenaSession
    private let setup: ArenaSetup
    private let report: JSONReport?

    /// A session for one prompt, with `system` as both sides' system prompt when given.
    public init(setup: ArenaSetup, models: SidePair<ModelDescriptor>, system: String?, json: Bool) {
        var setup = setup
        report = json ? JSONReport(preparing: &setup) : nil
        self.setup = setup
        session = setup.makeSession(models: models)
        if let system { session.setSystemPrompt(system, on: .both) }
    }

    /// The prompt as asked: the argument, then the text piped on standard input (if any) after
    /// a blank line, its trailing line breaks dropped.
    public static func prompt(argument: String, piped: String?) -> String {
        guard let piped else { return argument }
        let text = String(piped.reversed().drop { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.reversed())
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return argument }
        return argument + "\n\n" + text
    }

    /// Everything on standard input when it is not a terminal (a pipe or a file), else `nil`.
    public static func pipedInput() -> String? {
        guard !TerminalDevice.isTerminal(0) else { return nil }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }

    /// Asks `prompt` of both sides, prints what the form prints, and returns the exit status.
    public func run(_ prompt: String) async -> Int32 {
        await session.ask(prompt)
        session.recorder?.close()
        let path = session.recorder?.hasFailed == false ? session.recorder?.path : nil
        let answers = SidePair(a: session.state.a.turns.last?.answer, b: session.state.b.turns.last?.answer)
        if let report {
            TerminalDevice.write(report.lastTurn(["transcript": ResultJSON.string(path)]), to: 1)
        } else if setup.stdoutIsTerminal, let path {
            setup.console.print("transcript: \(path)")
        }
        var status: Int32 = session.recorder?.hasFailed == true ? 1 : 0
        for side in Side.allCases {
            guard let answer = answers[side] else { continue }
            let model = session.state[side].model.name
            switch answer.status {
            case .done: continue
            case .interrupted: status = 130
            case .failed(let message):
                setup.console.error("side \(side.label) (\(model)) failed: \(message)")
            default:
                setup.console.error("side \(side.label) (\(model)) did not finish: \(answer.status.word)")
            }
            if status == 0 { status = 1 }
        }
        return status
    }
}
