/// `arena run FILE --models A B`: the command line's models win over the script's own
/// `/models A B` lines, which are left out. `/models` alone (the listing) and `/model a|b NAME`
/// lines stay.
public enum ScriptModelsOverride {
    /// `items` without their `/models A B` lines, and one note for each line left out.
    public static func apply(to items: [ScriptItem], models: [String]) -> (items: [ScriptItem], notes: [String]) {
        var kept: [ScriptItem] = []
        var notes: [String] = []
        for item in items {
            if item.choosesModels {
                notes.append("note: \(item.location): the script's /models line is overridden by --models \(models.joined(separator: " "))")
            } else {
                kept.append(item)
            }
        }
        return (kept, notes)
    }
}

extension ScriptItem {
    /// Whether the step is a `/models A B` line: the script choosing both models.
    var choosesModels: Bool {
        guard case .command(let text) = action else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.count > 1 && words[0].lowercased() == "/models"
    }
}
