/// `/judge`: a judge model's verdict on the last turn, now or after every turn.
extension CommandDefinition {
    static let judgeCommands: [CommandDefinition] = [
        CommandDefinition(
            "/judge", usage: "/judge [score|auto] [MODEL|off]",
            summary: "A judge model compares the last answers in both orders (score: rates each 1-10; auto: judges every turn).",
            example: "/judge auto gpt-4o", argument: .judge,
            parse: { arguments throws(CommandError) in
                let words = arguments.words
                switch words.first?.lowercased() {
                case "auto":
                    guard words.count <= 2 else { throw arguments.usageError(expected: "/judge auto [MODEL|off]") }
                    let rest = words.count == 2 ? words[1] : nil
                    return rest?.lowercased() == "off" ? .judgeAuto(model: nil, off: true) : .judgeAuto(model: rest, off: false)
                case "score":
                    guard words.count <= 2 else { throw arguments.usageError(expected: "/judge score [MODEL]") }
                    return .judge(model: words.count == 2 ? words[1] : nil, kind: .score)
                default:
                    guard words.count <= 1 else { throw arguments.usageError(expected: "/judge [MODEL], /judge score [MODEL] or /judge auto [MODEL|off]") }
                    return .judge(model: words.first, kind: .pairwise)
                }
            },
            run: { session, command throws(CommandError) in
                switch command {
                case .judge(let model, let kind):
                    try await session.judgeLastTurn(model: model, kind: kind)
                case .judgeAuto(let model, let off):
                    try session.setAutoJudge(model: model, off: off)
                default:
                    return nil
                }
                return true
            }),
    ]
}
