import Testing
@testable import ArenaKit

@Suite struct SSEDecoderTests {
    /// Decodes `chunks` in order and returns the events as (type, text) pairs.
    private func decode(_ chunks: [[UInt8]], legacyError: Bool = false) -> [SimpleEvent] {
        var decoder = SSEDecoder(acceptsLegacyErrorField: legacyError)
        var events: [SimpleEvent] = []
        for chunk in chunks {
            decoder.feed(chunk) { events.append(SimpleEvent(type: $0.type, text: $0.text, id: $0.lastEventID)) }
        }
        decoder.finish()
        return events
    }

    private func decode(_ text: String) -> [SimpleEvent] {
        decode([Array(text.utf8)])
    }

    struct SimpleEvent: Equatable, CustomStringConvertible {
        var type: String
        var text: String
        var id: String = ""
        var description: String { "\(type): \(text.debugDescription)" }
    }

    @Test func mixedLineEndingsAndMultiLineData() {
        #expect(decode("data: a\r\ndata: b\rdata: c\n\n").map(\.text) == ["a\nb\nc"])
        #expect(decode("data: one\r\r").map(\.text) == ["one"])
        #expect(decode("data: one\r\n\r\ndata: two\n\n").map(\.text) == ["one", "two"])
    }

    @Test func carriageReturnAndLineFeedSplitAcrossChunks() {
        let events = decode([Array("data: x\r".utf8), Array("\ndata: y\r\n\r\n".utf8)])
        #expect(events.map(\.text) == ["x\ny"])
    }

    @Test func oneLeadingByteOrderMarkIsDropped() {
        #expect(decode("\u{FEFF}data: a\n\n").map(\.text) == ["a"])
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(decode([[bom[0]], [bom[1]], [bom[2]] + Array("data: split\n\n".utf8)]).map(\.text) == ["split"])
        // A second BOM is part of the field name, so the field is unknown and nothing dispatches.
        #expect(decode("\u{FEFF}\u{FEFF}data: a\n\n").isEmpty)
        // A BOM-like start that is not a BOM is kept.
        #expect(decode([[0xEF], Array("data: x\n\n".utf8)]).isEmpty)
    }

    @Test func commentsAreIgnored() {
        #expect(decode(": keep-alive\n\n:another\ndata: a\n\n").map(\.text) == ["a"])
    }

    @Test func fieldWithoutColonHasEmptyValue() {
        #expect(decode("data\n\n").map(\.text) == [""])
        #expect(decode("data\ndata\n\n").map(\.text) == ["\n"])
    }

    @Test func onlyOneSpaceAfterColonIsDropped() {
        #expect(decode("data:  two spaces\n\n").map(\.text) == [" two spaces"])
        #expect(decode("data:none\n\n").map(\.text) == ["none"])
    }

    @Test func unknownFieldsAreIgnoredAndNamesAreCaseSensitive() {
        #expect(decode("foo: bar\ndata: a\n\n").map(\.text) == ["a"])
        #expect(decode("Data: a\n\n").isEmpty)
        #expect(decode("error: {\"x\":1}\n\n").isEmpty)
    }

    @Test func eventTypeIdAndRetry() {
        var decoder = SSEDecoder()
        var events: [ServerSentEvent] = []
        decoder.feed(Array("retry: 1500\nid: 7\nevent: message_stop\ndata: {}\n\nevent:\ndata: x\n\n".utf8)) { events.append($0) }
        #expect(events.map(\.type) == ["message_stop", "message"])
        #expect(events.map(\.lastEventID) == ["7", "7"])
        #expect(decoder.reconnectionTime == 1500)
    }

    @Test func eventWithoutDataIsNotDispatchedAndResetsType() {
        #expect(decode("event: ping\n\ndata: a\n\n") == [SimpleEvent(type: "message", text: "a")])
    }

    @Test func unfinishedEventAtEndIsDropped() {
        #expect(decode("data: a\n\ndata: b\n").map(\.text) == ["a"])
        #expect(decode("data: a\n\ndata: partial").map(\.text) == ["a"])
    }

    @Test func legacyErrorFieldWhenAccepted() {
        let events = decode([Array("error: {\"message\":\"boom\"}\n\n".utf8)], legacyError: true)
        #expect(events == [SimpleEvent(type: "error", text: "{\"message\":\"boom\"}")])
    }

    @Test func doneMarker() {
        var decoder = SSEDecoder()
        var done = false
        decoder.feed(Array("data: [DONE]\n\n".utf8)) { done = $0.isDoneMarker }
        #expect(done)
    }

    /// One realistic stream (BOM, CRLF, lone CR, comments, named events, multi-byte UTF-8 of
    /// every length) split at every byte boundary, and byte by byte, gives the same events.
    @Test func splittingAtEveryByteBoundaryGivesIdenticalEvents() {
        let stream = "\u{FEFF}: hello\r\nevent: content_block_delta\r\ndata: {\"text\":\"héllo ✓ 😀\"}\r\n\r\n"
            + "data: first line\rdata: second\r\r" + "id: 42\ndata: ñandú 🦄 日本\n\n" + ": ping\n\n"
            + "data: [DONE]\r\n\r\n" + "data: unfinished"
        let bytes = Array(stream.utf8)
        let whole = decode([bytes])
        #expect(whole.count == 4)
        #expect(whole[0] == SimpleEvent(type: "content_block_delta", text: "{\"text\":\"héllo ✓ 😀\"}"))
        #expect(whole[1].text == "first line\nsecond")
        #expect(whole[2] == SimpleEvent(type: "message", text: "ñandú 🦄 日本", id: "42"))
        for split in 0...bytes.count {
            let parts = [Array(bytes[..<split]), Array(bytes[split...])]
            #expect(decode(parts) == whole, "split at byte \(split)")
        }
        #expect(decode(bytes.map { [$0] }) == whole)
        for split in stride(from: 0, to: bytes.count, by: 3) {
            for second in stride(from: split, to: bytes.count, by: 7) {
                let parts = [Array(bytes[..<split]), Array(bytes[split..<second]), Array(bytes[second...])]
                #expect(decode(parts) == whole, "split at bytes \(split) and \(second)")
            }
        }
    }
}
