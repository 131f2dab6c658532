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
        var bytes = text
        (indent, kind) = bytes.withUTF8 { bytes in
            let (indent, start) = Self.indentation(bytes, upTo: .max)
            return (indent, Self.classify(Line(bytes: bytes, start: start), indent: indent))
        }
    }

    /// The columns of leading spaces and tabs (up to `limit` columns) and where they end.
    private static func indentation(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> (Int, Int) {
        var columns = 0
        var index = 0
        while index < bytes.count, columns < limit {
            let byte = bytes[index]
            guard byte == space || byte == tab else { break }
            columns = byte == tab ? (columns / 4 + 1) * 4 : columns + 1
            index += 1
        }
        return (columns, index)
    }

    /// The text after the first `columns` columns of indentation.
    func dropping(columns: Int) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let start = Self.indentation(bytes, upTo: columns).1
            return start == 0 ? self.text : String(decoding: bytes[start...], as: UTF8.self)
        }
    }

    /// The bytes of the line from its content's first byte (after the indentation).
    private struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let start: Int
        var end: Int { bytes.count }
        var isEmpty: Bool { start >= end }
        subscript(index: Int) -> UInt8 { bytes[index] }

        /// How many bytes from `from` on satisfy `predicate`.
        func run(from: Int, while predicate: (UInt8) -> Bool) -> Int {
            var index = from
            while index < end, predicate(bytes[index]) { index += 1 }
            return index - from
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// `range` without spaces and tabs at either end.
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            let trimmed = bytes[range].trimmingSpaces
            return trimmed.startIndex..<trimmed.endIndex
        }
    }

    private static func classify(_ line: Line, indent: Int) -> Kind {
        guard !line.isEmpty else { return .blank }
        let first = line[line.start]
        let run = line.run(from: line.start) { $0 == first }
        let afterRun = line.start + run
        if (first == UInt8(ascii: "`") || first == UInt8(ascii: "~")) && run >= 3 {
            let info = line.trimmed(afterRun..<line.end)
            if first == UInt8(ascii: "~") || !info.contains(where: { line[$0] == UInt8(ascii: "`") }) {
                // The language is the info string's first word (up to a space).
                let word = line.run(from: info.lowerBound) { $0 != space }
                let language = info.isEmpty ? nil : line.string(info.lowerBound..<min(info.upperBound, info.lowerBound + word))
                return .fence(character: first, length: run, language: language)
            }
        }
        if first == UInt8(ascii: "#") && run <= 6 {
            if afterRun == line.end || line[afterRun] == space || line[afterRun] == tab {
                return .heading(level: run, text: headingTitle(line, from: afterRun))
            }
        }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_"),
           line.run(from: line.start, while: { $0 == first || $0 == space || $0 == tab }) == line.end - line.start,
           (line.start..<line.end).reduce(0, { $0 + (line[$1] == first ? 1 : 0) }) >= 3 {
            return .rule
        }
        if let item = listItem(line, indent: indent) { return item }
        if first == UInt8(ascii: ">") {
            var rest = line.start + 1
            if rest < line.end, line[rest] == space { rest += 1 }
            return .quote(text: line.string(rest..<line.end))
        }
        if let cells = delimiterCells(line) { return .tableDelimiter(cells: cells) }
        return .text
    }

    /// A heading's text: trimmed, without a closing run of `#`s.
    private static func headingTitle(_ line: Line, from start: Int) -> String {
        let title = line.trimmed(start..<line.end)
        var kept = title.upperBound
        while kept > title.lowerBound, line[kept - 1] == UInt8(ascii: "#") { kept -= 1 }
        guard kept < title.upperBound else { return line.string(title) }
        guard kept == title.lowerBound || line[kept - 1] == space || line[kept - 1] == tab else { return line.string(title) }
        return line.string(line.trimmed(title.lowerBound..<kept))
    }

    private static func listItem(_ line: Line, indent: Int) -> Kind? {
        let first = line[line.start]
        let markerLength: Int
        let ordered: Bool
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            markerLength = 1
            ordered = false
        } else {
            let digits = line.run(from: line.start) { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let after = line.start + digits
            guard (1...9).contains(digits), after < line.end, line[after] == UInt8(ascii: ".") || line[after] == UInt8(ascii: ")") else { return nil }
            markerLength = digits + 1
            ordered = true
        }
        let rest = line.start + markerLength
        guard rest == line.end || line[rest] == space || line[rest] == tab else { return nil }
        let spaces = min(4, line.run(from: rest) { $0 == space })
        return .listItem(
            marker: line.string(line.start..<rest), ordered: ordered, content: indent + markerLength + max(1, spaces),
            text: line.string(line.trimmed(rest..<line.end))
        )
    }

    /// The cell count when the line is a table delimiter row: cells of `-` (at least one),
    /// optionally with `:` at either end, separated by `|`.
    private static func delimiterCells(_ line: Line) -> Int? {
        var hasDash = false, hasPipe = false
        for index in line.start..<line.end {
            switch line[index] {
            case 0x2D: hasDash = true
            case 0x7C: hasPipe = true
            case 0x3A, 0x20, 0x09: break
            default: return nil
            }
        }
        guard hasDash else { return nil }
        let cells = MarkdownTableCells.split(line.string(line.start..<line.end))
        guard !cells.isEmpty, hasPipe || cells.count == 1 else { return nil }
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

extension Substring {
    /// Without spaces and tabs at either end (read on UTF-8: both are ASCII).
    var trimmingSpaces: String {
        let bytes = utf8
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { bytes.index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
