@testable import ArenaKit

/// A tiny terminal emulator for tests: enough of VT100 to replay what the live renderer writes
/// (printable text, CR, LF with scrolling, cursor up and forward, erase to end of screen; SGR and cursor
/// visibility are ignored) and to read back the scrollback and the screen.
struct MiniTerminal {
    let rows: Int
    private(set) var scrollback: [String] = []
    private(set) var screen: [[Character]]
    private var row = 0
    private var column = 0

    init(rows: Int) {
        self.rows = rows
        screen = Array(repeating: [], count: rows)
    }

    /// Everything ever scrolled off plus the screen, with trailing blank lines removed.
    var allLines: [String] {
        var lines = scrollback + screen.map { String($0) }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        return lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    mutating func feed(_ text: String) {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\u{1B}" {
                // CSI: ESC [ params final
                var end = index + 2
                while end < characters.count, !(characters[end].isLetter || characters[end] == "~") { end += 1 }
                let parameters = String(characters[(index + 2)..<end])
                let final = characters[end]
                switch final {
                case "A": row = max(0, row - (Int(parameters) ?? 1))
                case "C": column += Int(parameters) ?? 1
                case "J":
                    screen[row] = Array(screen[row].prefix(column))
                    for below in (row + 1)..<rows { screen[below] = [] }
                default: break
                }
                index = end + 1
                continue
            }
            switch character {
            case "\r": column = 0
            case "\n", "\r\n":
                if character == "\r\n" { column = 0 }
                if row == rows - 1 {
                    scrollback.append(String(screen[0]))
                    screen.removeFirst()
                    screen.append([])
                } else {
                    row += 1
                }
            default:
                while screen[row].count < column { screen[row].append(" ") }
                if column < screen[row].count {
                    screen[row][column] = character
                } else {
                    screen[row].append(character)
                }
                column += 1
            }
            index += 1
        }
        characters.removeAll()
    }
}
