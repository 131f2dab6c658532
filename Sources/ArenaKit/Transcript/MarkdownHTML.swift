import CCmarkGFM
import Foundation

/// Renders an answer's Markdown as HTML for the HTML export, with cmark-gfm (GitHub's
/// CommonMark parser: tables, strikethrough, autolinks, task lists), safely.
///
/// Model output is untrusted, so:
/// - raw HTML in the answer is shown as text, never passed through: each HTML block becomes a
///   code block and each inline tag literal text, so `<script>` reads as `<script>`;
/// - cmark's safe mode drops `javascript:`, `vbscript:`, `file:` and `data:` links;
/// - every link opens with `rel="noopener noreferrer"`, and an image becomes a link to it (no
///   remote picture is ever loaded);
/// - the page's Content-Security-Policy forbids scripts and remote content besides.
enum MarkdownHTML {
    /// `markdown` as an HTML fragment.
    static func render(_ markdown: String) -> String {
        registerExtensions
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "<p>\(HTMLTranscriptExporter.escape(markdown))</p>" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "<p>\(HTMLTranscriptExporter.escape(markdown))</p>" }
        defer { cmark_node_free(document) }
        showRawHTMLAsText(in: document)
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered).replacingOccurrences(of: "<a href=", with: "<a rel=\"noopener noreferrer\" href=")
    }

    /// cmark-gfm's extensions register once per process.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// An image becomes a link to it (its text the image's description): an export never loads
    /// a remote picture, which could track whoever opens it.
    private static func replaceWithLink(_ image: OpaquePointer) {
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return }
        cmark_node_set_url(link, cmark_node_get_url(image))
        cmark_node_set_title(link, cmark_node_get_title(image))
        var description = ""
        if let iterator = cmark_iter_new(image) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                    description += String(cString: literal)
                }
            }
            cmark_iter_free(iterator)
        }
        if let label = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(label, "image: " + description)
            if cmark_node_append_child(link, label) != 1 { cmark_node_free(label) }
        }
        if cmark_node_replace(image, link) == 1 {
            cmark_node_free(image)
        } else {
            cmark_node_free(link)
        }
    }

    /// Replaces every raw HTML node with one that shows its text: a block as a code block, an
    /// inline tag as text. Collected first, replaced after: the tree is not changed while it
    /// is walked.
    private static func showRawHTMLAsText(in document: OpaquePointer) {
        var found: [(node: OpaquePointer, isBlock: Bool)] = []
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            // Containers (an image) are met twice, entering and leaving: take each node once.
            guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK: found.append((node, true))
            case CMARK_NODE_HTML_INLINE: found.append((node, false))
            case CMARK_NODE_IMAGE: images.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)
        for image in images { replaceWithLink(image) }
        for (node, isBlock) in found {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let replacement = cmark_node_new(isBlock ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(replacement, literal)
            if cmark_node_replace(node, replacement) == 1 {
                cmark_node_free(node)
            } else {
                cmark_node_free(replacement)
            }
        }
    }
}
