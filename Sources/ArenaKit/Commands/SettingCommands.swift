/// `/temp`, `/max-tokens`, `/top-p`, `/seed`, `/stop`, `/system`, `/settings`: how the models
/// are asked; `/pace`, `/think`: how answers are shown.
extension CommandDefinition {
    static let settingCommands: [CommandDefinition] = [
        setting("/temp", aliases: ["/temperature"], usage: "/temp [a|b] VALUE|default",
                summary: "Set the sampling temperature (0 to 2) on both sides, or on the side named.",
                example: "/temp b 0.2") { arguments throws(CommandError) in
            .temperature(try arguments.number(in: 0...2))
        },
        setting("/max-tokens", aliases: ["/max_tokens"], usage: "/max-tokens [a|b] N|default",
                summary: "Limit the length of answers, in tokens.",
                example: "/max-tokens 200") { arguments throws(CommandError) in
            .maxTokens(try arguments.integer(in: 1...10_000_000))
        },
        setting("/top-p", aliases: ["/top_p"], usage: "/top-p [a|b] VALUE|default",
                summary: "Set nucleus sampling (above 0, at most 1).",
                example: "/top-p a 0.9") { arguments throws(CommandError) in
            let value = try arguments.number(in: 0...1)
            if value == 0 { throw CommandError("/top-p: expected a number above 0 and at most 1, got '0'") }
            return .topP(value)
        },
        setting("/seed", usage: "/seed [a|b] N|default",
                summary: "Set the sampling seed, for providers that honour one.",
                example: "/seed 42") { arguments throws(CommandError) in
            .seed(try arguments.integer(in: Int(Int32.min)...Int(Int32.max)))
        },
        setting("/stop", usage: "/stop [a|b] SEQUENCE...|default",
                summary: "Set stop sequences (separated by spaces; \\n, \\t and \\s stand for newline, tab and space).",
                example: "/stop \\n\\n") { arguments throws(CommandError) in
            guard !arguments.words.isEmpty else { throw arguments.usageError() }
            if arguments.words == ["default"] || arguments.words == ["off"] { return .stop(nil) }
            return .stop(arguments.words.map(CommandArguments.unescape))
        },
        CommandDefinition(
            "/system", usage: "/system [a|b] [TEXT|off]",
            summary: "Set the system prompt (both sides unless one is named), clear it with off, or show it.",
            example: "/system a You answer in one sentence.", argument: .side,
            parse: { arguments throws(CommandError) in
                if arguments.words.isEmpty { return .showSystem }
                var selection = SideSelection.both
                var text = arguments.rest
                if let side = Side(rawValue: arguments.words[0].lowercased()) {
                    selection = .only(side)
                    text = CommandArguments.restOfLine(text)
                    if text.isEmpty { throw CommandError("/system: expected TEXT or off after '\(arguments.words[0])'; usage: /system [a|b] [TEXT|off]") }
                }
                return .system(text == "off" ? nil : text, selection)
            },
            run: { session, command in
                switch command {
                case .system(let text, let selection):
                    session.setSystemPrompt(text, on: selection)
                    session.console.print(text == nil ? "system prompt cleared on \(session.describe(selection))" : "system prompt set on \(session.describe(selection))")
                case .showSystem:
                    for side in Side.allCases {
                        session.console.print("\(side.label): " + (session.state[side].settings.systemPrompt.map { TextSanitizer.sanitize($0) } ?? "(none)"))
                    }
                default:
                    return nil
                }
                return true
            }),
        CommandDefinition(
            "/settings", usage: "/settings",
            summary: "Show the models, settings and system prompts in effect, per side.",
            example: "/settings",
            parse: { arguments throws(CommandError) in
                try arguments.none()
                return .settings
            },
            run: { session, command in
                guard command == .settings else { return nil }
                session.console.print(session.settingsTable())
                return true
            }),
    ]

    /// `/pace`, `/think`: how answers are shown.
    static let displayCommands: [CommandDefinition] = [
        CommandDefinition(
            "/pace", usage: "/pace WORDS-PER-SECOND",
            summary: "Set how fast the built-in models write (0 means as fast as possible).",
            example: "/pace 60", argument: .value,
            parse: { arguments throws(CommandError) in
                guard arguments.words.count == 1, let value = Double(arguments.words[0]), value >= 0, value.isFinite else {
                    throw arguments.usageError(expected: "a number of words per second, 0 or more")
                }
                return .pace(value)
            },
            run: { session, command in
                guard case .pace(let wordsPerSecond) = command else { return nil }
                session.pace.wordsPerSecond = wordsPerSecond
                session.console.print(wordsPerSecond == 0 ? "built-in models now write as fast as possible" : "built-in models now write \(ArenaSession.format(wordsPerSecond)) words per second")
                return true
            }),
        CommandDefinition(
            "/think", usage: "/think on|off",
            summary: "Show or hide the models' reasoning text (shown dimmed).",
            example: "/think off", argument: .onOff,
            parse: { arguments throws(CommandError) in
                switch arguments.lowercased {
                case ["on"]: return .think(true)
                case ["off"]: return .think(false)
                default: throw arguments.usageError(expected: "on or off")
                }
            },
            run: { session, command in
                guard case .think(let on) = command else { return nil }
                session.showReasoning = on
                session.console.print(on ? "reasoning text is shown (dimmed)" : "reasoning text is hidden (still recorded)")
                return true
            }),
    ]

    /// A generation setting, for both sides or the side named first.
    private static func setting(
        _ name: String, aliases: [String] = [], usage: String, summary: String, example: String,
        change: @escaping @Sendable (inout CommandArguments) throws(CommandError) -> SettingChange
    ) -> CommandDefinition {
        CommandDefinition(
            name, aliases: aliases, usage: usage, summary: summary, example: example, argument: .side,
            parse: { arguments throws(CommandError) in
                let selection = arguments.takeSide()
                return .setting(try change(&arguments), selection)
            },
            run: { session, command in
                guard case .setting(let change, let selection) = command, change.command == name else { return nil }
                session.state.updateSettings(selection) { change.apply(to: &$0) }
                session.recordSettings(selection)
                session.console.print("\(change.name) on \(session.describe(selection)): \(session.settingValue(change))")
                return true
            })
    }
}

extension SettingChange {
    /// The command that makes this change.
    var command: String {
        switch self {
        case .temperature: return "/temp"
        case .maxTokens: return "/max-tokens"
        case .topP: return "/top-p"
        case .seed: return "/seed"
        case .stop: return "/stop"
        }
    }
}
