/// A one-line progress bar for a terminal: `[██████░░░░░░] 3/10`.
public enum ProgressBar {
    public static func line(done: Int, total: Int, width: Int) -> String {
        let filled = total == 0 ? width : min(width, done * width / total)
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(done)/\(total)"
    }
}
