import Synchronization

/// Chooses the renderer for each turn and keeps track of the live one, so a resize can reach it.
public enum Renderers {
    private static let current = Mutex<ColumnRenderer?>(nil)

    /// A factory making a ``ColumnRenderer`` at the current terminal size when standard output
    /// is a terminal, and a ``PlainRenderer`` otherwise.
    public static func factory(stdoutIsTerminal: Bool, style: TerminalStyle, output: Int32 = 1) -> @Sendable () -> any TurnRenderer {
        guard stdoutIsTerminal else { return { PlainRenderer(output: output) } }
        return {
            let size = TerminalDevice.size(of: output) ?? (columns: 80, rows: 24)
            let renderer = ColumnRenderer(output: output, columns: size.columns, rows: size.rows, style: style)
            current.withLock { $0 = renderer }
            return renderer
        }
    }

    /// The live column renderer alone, writing to `output` as if it were a terminal of this size
    /// (for `arena-bench`'s renderer benchmark, which writes to `/dev/null`).
    package static func liveColumns(output: Int32, columns: Int, rows: Int, style: TerminalStyle) -> any TurnRenderer {
        ColumnRenderer(output: output, columns: columns, rows: rows, style: style)
    }

    /// Ctrl-Z: the renderer of the turn in progress gives the terminal back.
    public static func suspendCurrent() {
        current.withLock { $0 }?.suspend()
    }

    /// After `fg`: the renderer of the turn in progress takes the terminal again and redraws.
    public static func resumeCurrent() {
        current.withLock { $0 }?.resume()
    }

    /// Passes the terminal's new size to the renderer of the turn in progress.
    public static func resizeCurrent(output: Int32 = 1) {
        guard let size = TerminalDevice.size(of: output) else { return }
        current.withLock { $0 }?.resize(columns: size.columns, rows: size.rows)
    }
}
