/// Something the person asked the REPL to do: a message for both models, or a slash command.
public enum Command: Sendable, Hashable {
    /// Send this text to both sides.
    case message(String)
    /// `/models`: list every model.
    case listModels
    /// `/models A B`: put model A on side A and model B on side B.
    case setModels(a: String, b: String)
    /// `/model a|b NAME`: change one side's model.
    case setModel(Side, String)
    /// `/temp`, `/max-tokens`, `/top-p`, `/seed`, `/stop`: change a setting (`nil` restores
    /// the default) on the selected sides.
    case setting(SettingChange, SideSelection)
    /// `/system [a|b] TEXT|off`: set or clear the system prompt.
    case system(String?, SideSelection)
    /// `/system` alone: show the system prompts.
    case showSystem
    /// `/settings`: show everything in effect, per side.
    case settings
    /// `/retry [a|b]`: ask the last turn again.
    case retry(SideSelection)
    /// `/clear`: forget both conversations.
    case clear
    /// `/swap`: exchange the sides.
    case swap
    /// `/pace WPS`: the built-in models' speed.
    case pace(Double)
    /// `/think on|off`: show or hide reasoning text.
    case think(Bool)
    /// `/markdown on|off`: render the answers' Markdown in the columns, or show raw text.
    case markdown(Bool)
    /// `/show a|b [N]`: one side's answer (the last turn's, or turn N's) full width.
    case show(Side, turn: Int?)
    /// `/save PATH`: write the session so far to a transcript file.
    case save(String)
    /// `/load PATH`: restore a transcript's conversations, models and settings, and go on.
    case load(String)
    /// `/export md|html PATH`: write the session as Markdown or a self-contained HTML page.
    case export(ExportFormat, String)
    /// `/replay FILE`: ask every question of a transcript again, against the current models.
    case replay(String)
    /// `/run FILE`: run an `.arena` script.
    case run(String)
    /// `/expect a|b|both CHECK …`: check the last answers (for scripts).
    case expect(ScriptExpectation)
    /// `/subject [NAME]`: list MMLU subjects, or pick one and show its first questions.
    case subject(String?)
    /// `/examples [N] [SPLIT]`: N random questions of a split (test unless named) from the
    /// subject (all subjects when none).
    case examples(Int?, MMLUSplit)
    /// `/random [SPLIT]`: a random question of a split (test unless named) onto the prompt line.
    case random(MMLUSplit)
    /// `/ask N`: send question N of the last list, graded.
    case ask(Int)
    /// `/score`: the MMLU score per side.
    case score
    /// `/vote a|b|tie|bad`: a verdict on the last turn (reveals a blind battle).
    case vote(TranscriptEvent.Verdict)
    /// `/adopt a|b`: copy that side's last answer into the other side's history.
    case adopt(Side)
    /// `/copy a|b [N]`: one side's raw answer (the last turn, or turn N) onto the clipboard.
    case copy(Side, turn: Int?)
    /// `/edit`: a message written in the person's editor, sent to both sides.
    case edit
    /// `/diff [columns|merged]`: a word-level diff of the last two answers, in that view.
    case diff(DiffView)
    /// `/battle`: two models drawn at random, names hidden until the vote.
    case battle
    /// `/stats`: per-model numbers for this session.
    case stats
    /// `/leaderboard [all]`: ratings from every transcript's votes.
    case leaderboard(includeNamed: Bool)
    /// `/judge [score] [MODEL]`: a judge model's verdict on the last turn.
    case judge(model: String?, kind: TranscriptEvent.JudgeKind)
    /// `/judge auto [MODEL|off]`: judge every following turn (or stop).
    case judgeAuto(model: String?, off: Bool)
    /// `/leaderboard judge MODEL`: ratings from that judge's verdicts.
    case judgeLeaderboard(String)
    /// `/help [command]`.
    case help(String?)
    /// `/quit`.
    case quit
}
