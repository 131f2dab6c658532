/// `/markdown`, `/show`: how answers are read.
extension CommandDefinition {
    static let readingCommands: [CommandDefinition] = [
        CommandDefinition(
            "/markdown", usage: "/markdown on|off",
            summary: "Render the answers' Markdown in the columns (on), or show the raw text (off).",
            example: "/markdown off", argument: .onOff,
            parse: { arguments throws(CommandError) in
                switch arguments.lowercased {
                case ["on"]: return .markdown(true)
                case ["off"]: return .markdown(false)
                default: throw arguments.usageError(expected: "on or off")
                }
            },
            run: { session, command in
                guard case .markdown(let on) = command else { return nil }
                session.renderMarkdown = on
                session.console.print(on ? "answers are rendered as Markdown" : "answers are shown as raw text")
                return true
            }),
        CommandDefinition(
            "/show", usage: "/show a|b [N]",
            summary: "Print one side's answer (the last, or turn N) full width, rendered; raw in a pipe.",
            example: "/show a 2", argument: .side,
            parse: { arguments throws(CommandError) in
                guard (1...2).contains(arguments.words.count), let side = Side(rawValue: arguments.words[0].lowercased()) else {
                    throw arguments.usageError(expected: "a or b, then optionally a turn number")
                }
                guard arguments.words.count == 2 else { return .show(side, turn: nil) }
                guard let turn = Int(arguments.words[1]), turn >= 1 else {
                    throw arguments.usageError(got: arguments.words[1], expected: "a turn number from 1")
                }
                return .show(side, turn: turn)
            },
            run: { session, command throws(CommandError) in
                guard case .show(let side, let turn) = command else { return nil }
                session.console.print(try AnswerPage.text(of: session, side: side, turn: turn))
                return true
            }),
    ]
}

/// One side's answer as `/show` prints it: a heading line, then the answer rendered as
/// Markdown to the terminal's width, or its raw (sanitized) text in a pipe or with
/// `/markdown off`.
enum AnswerPage {
    static func text(of session: ArenaSession, side: Side, turn: Int?, output: Int32 = 1) throws(CommandError) -> String {
        let turns = session.state[side].turns
        guard !turns.isEmpty else { throw CommandError("/show: side \(side.label) has no answer yet") }
        let number = turn ?? turns.count
        guard number <= turns.count else {
            throw CommandError("/show: side \(side.label) has \(turns.count) turn\(turns.count == 1 ? "" : "s"), not \(number)")
        }
        let answer = turns[number - 1].answer
        let text = TextSanitizer.sanitize(answer.text)
        let heading = "\(side.label) · turn \(number) of \(turns.count)"
        guard session.renderMarkdown, TerminalDevice.isTerminal(output), let size = TerminalDevice.size(of: output) else {
            return heading + "\n" + text
        }
        let style = session.console.style
        let rows = MarkdownLayout.render(text, width: size.columns, style: style)
        return style.apply(.bold, TerminalStyle.tone(for: side), to: heading) + "\n" + rows.joined(separator: "\n")
    }
}
