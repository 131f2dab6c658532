/// One complete source line of Markdown, classified by what it can start.
struct MarkdownLine: Sendable {
    enum Kind: Sendable, Equatable {
        case blank
        /// ``` or ~~~: the fence (its character and length) and the language named after it.
        case fence(character: Character, length: Int, language: String?)
        case heading(level: Int, text: String)
        case rule
        /// `-`, `*`, `+` or `1.`/`1)`: `ordered` markers keep their number; `content` is the
        /// column (in the source) where the item's text starts.
        case listItem(marker: String, ordered: Bool, content: Int, text: String)
        case quote(text: String)
        /// A table's delimiter row (`|---|:--:|`), with its cell count.
        case tableDelimiter(cells: Int)
        case text
    }

    let text: String
    /// Leading spaces (a tab counts to the next multiple of four).
    let indent: Int
    let kind: Kind

    init(_ text: String) {
        self.text = text
        var indent = 0
        var start = text.startIndex
        while start < text.endIndex, text[start] == " " || text[start] == "\t" {
            indent = text[start] == "\t" ? (indent / 4 + 1) * 4 : indent + 1
            start = text.index(after: start)
        }
        self.indent = indent
        kind = Self.classify(text[start...], indent: indent)
    }

    /// The text after the first `columns` columns of indentation.
    func dropping(columns: Int) -> String {
        var dropped = 0
        var index = text.startIndex
        while index < text.endIndex, dropped < columns, text[index] == " " || text[index] == "\t" {
            dropped = text[index] == "\t" ? (dropped / 4 + 1) * 4 : dropped + 1
            index = text.index(after: index)
        }
        return String(text[index...])
    }

    private static func classify(_ content: Substring, indent: Int) -> Kind {
        guard let first = content.first else { return .blank }
        if first == "`" || first == "~" {
            let length = content.prefix { $0 == first }.count
            if length >= 3 {
                let info = content.dropFirst(length).trimmingSpaces
                if first == "~" || !info.contains("`") {
                    return .fence(character: first, length: length, language: info.split(separator: " ").first.map(String.init))
                }
            }
        }
        if first == "#" {
            let level = content.prefix { $0 == "#" }.count
            let rest = content.dropFirst(level)
            if level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" {
                var title = rest.trimmingSpaces
                // A closing run of #s is not part of the title.
                let closing = title.reversed().prefix { $0 == "#" }.count
                if closing > 0, closing == title.count || title.dropLast(closing).last == " " {
                    title = title.dropLast(closing).trimmingSpaces
                }
                return .heading(level: level, text: title)
            }
        }
        if "-*_".contains(first), content.allSatisfy({ $0 == first || $0 == " " || $0 == "\t" }), content.filter({ $0 == first }).count >= 3 {
            return .rule
        }
        if let item = listItem(content, indent: indent) { return item }
        if first == ">" {
            var rest = content.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
            return .quote(text: String(rest))
        }
        if let cells = delimiterCells(content) { return .tableDelimiter(cells: cells) }
        return .text
    }

    private static func listItem(_ content: Substring, indent: Int) -> Kind? {
        var marker = ""
        var ordered = false
        if let first = content.first, "-*+".contains(first) {
            marker = String(first)
        } else {
            let digits = content.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), let after = content.dropFirst(digits.count).first, after == "." || after == ")" else { return nil }
            marker = String(digits) + String(after)
            ordered = true
        }
        let rest = content.dropFirst(marker.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let spaces = min(4, rest.prefix { $0 == " " }.count)
        let text = rest.trimmingSpaces
        return .listItem(marker: marker, ordered: ordered, content: indent + marker.count + max(1, spaces), text: text)
    }

    /// The cell count when `content` is a table delimiter row: cells of `-` (at least one),
    /// optionally with `:` at either end, separated by `|`.
    private static func delimiterCells(_ content: Substring) -> Int? {
        guard content.utf8.allSatisfy({ $0 == 0x7C || $0 == 0x3A || $0 == 0x2D || $0 == 0x20 || $0 == 0x09 }), content.utf8.contains(0x2D) else { return nil }
        let cells = MarkdownTableCells.split(String(content))
        guard !cells.isEmpty, content.contains("|") || cells.count == 1 else { return nil }
        for cell in cells {
            var core = Substring(cell)
            if core.first == ":" { core = core.dropFirst() }
            if core.last == ":" { core = core.dropLast() }
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
        }
        return cells.count
    }
}

/// Splits a table row into its cells: on `|` not escaped and not inside a code span, without
/// the optional pipes at either end, each cell trimmed.
enum MarkdownTableCells {
    static func split(_ row: String) -> [String] {
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`")
        var cells: [String] = []
        var cell: [UInt8] = []
        var inCode = false
        var escaped = false
        for byte in row.utf8 {
            if escaped {
                if byte != pipe { cell.append(backslash) }
                cell.append(byte)
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else if byte == backtick {
                inCode.toggle()
                cell.append(byte)
            } else if byte == pipe && !inCode {
                cells.append(trimmed(cell[...]))
                cell.removeAll(keepingCapacity: true)
            } else {
                cell.append(byte)
            }
        }
        if escaped { cell.append(backslash) }
        cells.append(trimmed(cell[...]))
        let source = Array(row.utf8)[...].trimmingSpaces
        if source.first == pipe, cells.first?.isEmpty == true { cells.removeFirst() }
        if source.last == pipe, source.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.trimmingSpaces, as: UTF8.self)
    }
}

extension ArraySlice<UInt8> {
    /// Without spaces and tabs (as bytes) at either end.
    var trimmingSpaces: ArraySlice<UInt8> {
        let start = firstIndex { $0 != 0x20 && $0 != 0x09 } ?? endIndex
        let end = lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
        return start < end ? self[start..<end] : []
    }
}

extension Substring {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
