/// One complete source line of Markdown, classified by what it can start.
///
/// Read on UTF-8 bytes: every character that starts a block is ASCII, and this runs on every
/// line of every streamed answer.
struct MarkdownLine: Sendable {
    enum Kind: Sendable, Equatable {
        case blank
        /// ``` or ~~~: the fence (its byte and length) and the language named after it.
        case fence(character: UInt8, length: Int, language: String?)
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

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    init(_ text: String) {
        self.text = text
        let (indent, start) = Self.indentation(text.utf8, upTo: .max)
        self.indent = indent
        kind = Self.classify(text[start...], indent: indent)
    }

    /// The columns of leading spaces and tabs (up to `limit` columns) and where they end.
    private static func indentation(_ utf8: String.UTF8View, upTo limit: Int) -> (Int, String.Index) {
        var columns = 0
        var index = utf8.startIndex
        while index < utf8.endIndex, columns < limit {
            let byte = utf8[index]
            guard byte == space || byte == tab else { break }
            columns = byte == tab ? (columns / 4 + 1) * 4 : columns + 1
            index = utf8.index(after: index)
        }
        return (columns, index)
    }

    /// The text after the first `columns` columns of indentation.
    func dropping(columns: Int) -> String {
        String(text[Self.indentation(text.utf8, upTo: columns).1...])
    }

    private static func classify(_ content: Substring, indent: Int) -> Kind {
        let utf8 = content.utf8
        guard let first = utf8.first else { return .blank }
        let run = utf8.prefix { $0 == first }.count
        let afterRun = utf8.index(utf8.startIndex, offsetBy: run)
        if (first == UInt8(ascii: "`") || first == UInt8(ascii: "~")) && run >= 3 {
            let info = content[afterRun...].trimmingSpaces
            if first == UInt8(ascii: "~") || !info.utf8.contains(UInt8(ascii: "`")) {
                return .fence(character: first, length: run, language: info.split(separator: " ").first.map(String.init))
            }
        }
        if first == UInt8(ascii: "#") && run <= 6 {
            let next = utf8[afterRun...].first
            if next == nil || next == space || next == tab {
                return .heading(level: run, text: headingTitle(content[afterRun...]))
            }
        }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_"),
           utf8.allSatisfy({ $0 == first || $0 == space || $0 == tab }), utf8.lazy.filter({ $0 == first }).count >= 3 {
            return .rule
        }
        if let item = listItem(content, indent: indent) { return item }
        if first == UInt8(ascii: ">") {
            var rest = utf8.dropFirst()
            if rest.first == space { rest = rest.dropFirst() }
            return .quote(text: String(content[rest.startIndex...]))
        }
        if let cells = delimiterCells(content) { return .tableDelimiter(cells: cells) }
        return .text
    }

    /// A heading's text: trimmed, without a closing run of `#`s.
    private static func headingTitle(_ rest: Substring) -> String {
        let title = rest.trimmingSpaces
        let closing = title.utf8.reversed().prefix { $0 == UInt8(ascii: "#") }.count
        guard closing > 0 else { return title }
        let kept = title.utf8.dropLast(closing)
        guard kept.isEmpty || kept.last == space || kept.last == tab else { return title }
        return Substring(title)[kept.startIndex..<kept.endIndex].trimmingSpaces
    }

    private static func listItem(_ content: Substring, indent: Int) -> Kind? {
        let utf8 = content.utf8
        var markerLength = 1
        var ordered = false
        guard let first = utf8.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            markerLength = 1
        } else {
            let digits = utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            guard (1...9).contains(digits), let after = utf8.dropFirst(digits).first, after == UInt8(ascii: ".") || after == UInt8(ascii: ")") else { return nil }
            markerLength = digits + 1
            ordered = true
        }
        let rest = utf8.dropFirst(markerLength)
        guard rest.isEmpty || rest.first == space || rest.first == tab else { return nil }
        let spaces = min(4, rest.prefix { $0 == space }.count)
        let marker = String(content[utf8.startIndex..<rest.startIndex])
        let text = content[rest.startIndex...].trimmingSpaces
        return .listItem(marker: marker, ordered: ordered, content: indent + markerLength + max(1, spaces), text: text)
    }

    /// The cell count when `content` is a table delimiter row: cells of `-` (at least one),
    /// optionally with `:` at either end, separated by `|`.
    private static func delimiterCells(_ content: Substring) -> Int? {
        guard content.utf8.allSatisfy({ $0 == 0x7C || $0 == 0x3A || $0 == 0x2D || $0 == 0x20 || $0 == 0x09 }), content.utf8.contains(0x2D) else { return nil }
        let cells = MarkdownTableCells.split(String(content))
        guard !cells.isEmpty, content.utf8.contains(0x7C) || cells.count == 1 else { return nil }
        for cell in cells {
            var core = cell.utf8[...]
            if core.first == 0x3A { core = core.dropFirst() }
            if core.last == 0x3A { core = core.dropLast() }
            guard !core.isEmpty, core.allSatisfy({ $0 == 0x2D }) else { return nil }
        }
        return cells.count
    }
}

/// Splits a table row into its cells: on `|` not escaped and not inside a code span, without
/// the optional pipes at either end, each cell trimmed.
enum MarkdownTableCells {
    private static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`")

    static func split(_ row: String) -> [String] {
        var row = row
        return row.withUTF8 { split($0) }
    }

    /// Read on the row's bytes, each cell made a `String` once: this runs on every table row.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var cells: [String] = []
        var cellStart = 0
        var inCode = false
        var hasEscape = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash {
                // The escaped byte is text: it neither splits nor opens a code span.
                hasEscape = true
                index += 2
                continue
            }
            if byte == backtick {
                inCode.toggle()
            } else if byte == pipe && !inCode {
                cells.append(cell(bytes, cellStart..<index, unescaping: hasEscape))
                cellStart = index + 1
                hasEscape = false
            }
            index += 1
        }
        cells.append(cell(bytes, cellStart..<bytes.count, unescaping: hasEscape))
        // The optional pipes at either end of the trimmed row (which must be longer than one
        // byte for its last to be a closing one).
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        if let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) {
            if bytes[start] == pipe, cells.first?.isEmpty == true { cells.removeFirst() }
            if end > start, bytes[end] == pipe, cells.last?.isEmpty == true { cells.removeLast() }
        }
        return cells
    }

    /// A cell's text, trimmed; `\|` is a pipe, other escapes are kept for the inline reader.
    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, unescaping: Bool) -> String {
        let trimmed = bytes[range].trimmingSpaces
        guard unescaping else { return String(decoding: trimmed, as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(trimmed.count)
        var index = trimmed.startIndex
        while index < trimmed.endIndex {
            if trimmed[index] == backslash, index + 1 < trimmed.endIndex {
                if trimmed[index + 1] != pipe { text.append(backslash) }
                text.append(trimmed[index + 1])
                index += 2
            } else {
                text.append(trimmed[index])
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension Slice<UnsafeBufferPointer<UInt8>> {
    /// Without spaces and tabs (as bytes) at either end.
    var trimmingSpaces: Slice<UnsafeBufferPointer<UInt8>> {
        let start = firstIndex { $0 != 0x20 && $0 != 0x09 } ?? endIndex
        let end = lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
        return start < end ? self[start..<end] : self[start..<start]
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
    /// Without spaces and tabs at either end (read on UTF-8: both are ASCII).
    var trimmingSpaces: String {
        let bytes = utf8
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { bytes.index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
