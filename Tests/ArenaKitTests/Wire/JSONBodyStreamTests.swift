import NIOCore
import Testing
@testable import ArenaKit

@Suite struct JSONBodyStreamTests {
    private func collect(_ stream: JSONBodyStream) async -> [ByteBuffer] {
        var pieces: [ByteBuffer] = []
        for await piece in stream { pieces.append(piece) }
        return pieces
    }

    @Test func streamsTheSameBytesAsTheWriterWithTheirExactLength() async throws {
        let long = String(repeating: "wörds \"quoted\"\n\t\u{1} ", count: 9_000)
        let value: JSONValue = [
            "model": "m",
            "messages": [["role": "user", "content": .string(long)], ["role": "assistant", "content": "short"], ["role": "user", "content": .string(long + "!")]],
            "stream": true,
            "n": 3,
        ]
        let stream = JSONBodyStream(value)
        for _ in 0..<2 {   // a retried request iterates again
            let pieces = await collect(stream)
            let joined = pieces.flatMap { Array($0.readableBytesView) }
            #expect(joined == value.jsonBytes)
            #expect(stream.length == joined.count)
            #expect(pieces.count > 2)
            #expect(try JSONParser.parse(joined) == value)
        }
    }

    @Test func smallValuesAreOnePiece() async {
        let value: JSONValue = ["a": [1, 2, "x"]]
        let pieces = await collect(JSONBodyStream(value))
        #expect(pieces.count == 1)
        #expect(pieces.first.map { Array($0.readableBytesView) } == value.jsonBytes)
    }
}
