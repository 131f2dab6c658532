/// A command run for `--json`: standard output carries one JSON document at the end and
/// nothing else. Turns are not drawn, the console's listings and notes go to standard error,
/// the built-in models answer at full speed, and every turn is kept for the document.
public struct JSONReport: Sendable {
    private let collector = TurnResultCollector()

    /// Prepares `setup` for a JSON report; sessions made from it afterwards feed this report.
    public init(preparing setup: inout ArenaSetup) {
        setup.console = StandardConsole(style: setup.console.style, output: 2, errors: 2)
        setup.drawsTurns = false
        setup.additionalObservers.append(collector)
        setup.runUnwatched()
    }

    /// The document: `fields` in order, then `"turns"`, every turn collected.
    public func document(_ fields: KeyValuePairs<String, JSONValue>) -> String {
        var object = JSONObject(fields.map { JSONObject.Member(key: $0.key, value: $0.value) })
        object["turns"] = .array(collector.turns.map { .object(ResultJSON.turn($0)) })
        return ResultJSON.text(.object(object))
    }

    /// `value` as the one JSON document of a command that reports no turns.
    public static func document(_ value: JSONValue) -> String {
        ResultJSON.text(value)
    }

    /// The last turn collected, as its own object with `fields` after it (the one-shot form).
    func lastTurn(_ fields: KeyValuePairs<String, JSONValue>) -> String {
        var object = collector.turns.last.map(ResultJSON.turn) ?? JSONObject()
        for (key, value) in fields { object[key] = value }
        return ResultJSON.text(.object(object))
    }
}
