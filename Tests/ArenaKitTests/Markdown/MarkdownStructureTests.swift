import CCmarkGFM
import Foundation
import Testing
@testable import ArenaKit

/// The streaming block splitter reads realistic answers into the same block structure as
/// cmark-gfm (headings and levels, paragraphs, list items and their depth, code blocks with
/// language and line count, tables with their size, quotes, rules), fed whole or a few
/// characters at a time.
@Suite struct MarkdownStructureTests {
    @Test(arguments: MarkdownSamples.all)
    func splitterAgreesWithCmarkGFM(sample: String) {
        #expect(Self.splitterStructure(sample) == Self.cmarkStructure(sample))
    }

    @Test(arguments: MarkdownSamples.all)
    func streamingInPiecesGivesTheSameRows(sample: String) {
        let style = TerminalStyle(colorEnabled: false)
        let whole = MarkdownLayout.render(sample, width: 37, style: style)
        var column = MarkdownColumn(width: 37, style: style)
        var index = sample.startIndex
        while index < sample.endIndex {
            let end = sample.index(index, offsetBy: 3, limitedBy: sample.endIndex) ?? sample.endIndex
            column.append(String(sample[index..<end]), tone: .answer)
            column.refreshPending()
            index = end
        }
        column.finish()
        #expect(column.lines.map(\.text) == whole)
    }

    // MARK: The two structures

    static func splitterStructure(_ text: String) -> [String] {
        var splitter = MarkdownBlockSplitter()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { splitter.feed(line: String(line)) }
        splitter.finish()
        var result: [String] = []
        var codeLines = 0
        var language: String?
        for block in splitter.takeBlocks() {
            switch block {
            case .paragraph(_, let indent): result.append(indent == 0 ? "p" : "lp")
            case .heading(let level, _): result.append("h\(level)")
            case .listItem(_, let depth, _, _): result.append("li\(depth)")
            case .quote: result.append("quote")
            case .codeStart(let name, _): language = name; codeLines = 0
            case .codeLine: codeLines += 1
            case .codeEnd: result.append("code \(language ?? "-") \(codeLines)")
            case .table(let table): result.append("table \(table.header.count)x\(table.rows.count)")
            case .tableRecord: result.append("record")
            case .rule: result.append("hr")
            case .blank: break
            }
        }
        return result
    }

    static func cmarkStructure(_ text: String) -> [String] {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        var result: [String] = []
        walk(document, depth: -1, into: &result)
        return result
    }

    private static func walk(_ node: OpaquePointer, depth: Int, into result: inout [String]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = String(cString: cmark_node_get_type_string(current))
            switch type {
            case "paragraph": result.append(depth >= 0 ? "lp" : "p")
            case "heading": result.append("h\(cmark_node_get_heading_level(current))")
            case "list": walk(current, depth: depth + 1, into: &result)
            case "item":
                result.append("li\(depth)")
                // The item's first paragraph is its text; what follows is inside the item.
                var inner = cmark_node_first_child(current)
                if let first = inner, String(cString: cmark_node_get_type_string(first)) == "paragraph" { inner = cmark_node_next(first) }
                while let block = inner {
                    let blockType = String(cString: cmark_node_get_type_string(block))
                    if blockType == "list" {
                        walk(block, depth: depth + 1, into: &result)
                    } else {
                        describeLeaf(block, type: blockType, inList: true, into: &result)
                    }
                    inner = cmark_node_next(block)
                }
            default: describeLeaf(current, type: type, inList: depth >= 0, into: &result)
            }
            child = cmark_node_next(current)
        }
    }

    private static func describeLeaf(_ node: OpaquePointer, type: String, inList: Bool, into result: inout [String]) {
        switch type {
        case "paragraph": result.append(inList ? "lp" : "p")
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).count - (literal.hasSuffix("\n") ? 1 : 0)
            result.append("code \(info.isEmpty ? "-" : info) \(lines)")
        case "table":
            var rows = 0
            var columns = 0
            var row = cmark_node_first_child(node)
            while let current = row {
                if rows == 0 {
                    var cell = cmark_node_first_child(current)
                    while let next = cell { columns += 1; cell = cmark_node_next(next) }
                }
                rows += 1
                row = cmark_node_next(current)
            }
            result.append("table \(columns)x\(rows - 1)")
        case "block_quote": result.append("quote")
        case "thematic_break": result.append("hr")
        case "heading": result.append("h\(cmark_node_get_heading_level(node))")
        default: result.append(type)
        }
    }
}
