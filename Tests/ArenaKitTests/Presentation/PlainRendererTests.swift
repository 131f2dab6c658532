import Foundation
import Testing
@testable import ArenaKit

@Suite struct PlainRendererTests {
    /// Runs `body` against a PlainRenderer writing into a pipe and returns what it wrote.
    private func capture(_ body: (PlainRenderer) -> Void) throws -> String {
        let pipe = Pipe()
        let renderer = PlainRenderer(output: pipe.fileHandleForWriting.fileDescriptor)
        body(renderer)
        try pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    private let start = ContinuousClock.now

    @Test func sideBIsHeldBackUntilSideAEndsSoOutputIsDeterministic() throws {
        let streaming = AnswerProgress(status: .streaming, startedAt: start)
        let output = try capture { renderer in
            renderer.beginTurn(TurnHeading(names: SidePair(a: "a", b: "b")))
            renderer.append("b one\nb tw", tone: .answer, side: .b, progress: streaming)
            renderer.append("a one\n", tone: .answer, side: .a, progress: streaming)
            renderer.append("o\n", tone: .answer, side: .b, progress: streaming)
            renderer.append("a two", tone: .answer, side: .a, progress: streaming)
            renderer.update(AnswerProgress(status: .done, startedAt: start), side: .a)
            renderer.append("b three", tone: .answer, side: .b, progress: streaming)
            renderer.update(AnswerProgress(status: .interrupted, startedAt: start), side: .b)
            renderer.endTurn(SidePair(both: Answer()))
        }
        #expect(output == "A: a one\nA: a two\nB: b one\nB: b two\nB: b three\nB! interrupted\n")
    }

    @Test func noEscapeCodeEverReachesThePipe() throws {
        let streaming = AnswerProgress(status: .streaming, startedAt: start)
        let output = try capture { renderer in
            renderer.beginTurn(TurnHeading(names: SidePair(a: "a", b: "b")))
            renderer.append("\u{1B}[31mred\u{1B}[0m\u{1B}]52;c;eA==\u{07}\n", tone: .answer, side: .a, progress: streaming)
            renderer.update(AnswerProgress(status: .failed(message: "bad\u{1B}[2J"), startedAt: start), side: .a)
            renderer.update(AnswerProgress(status: .done, startedAt: start), side: .b)
        }
        #expect(!output.contains("\u{1B}"))
        #expect(output == "A: ␛[31mred␛[0m␛]52;c;eA==␇\nA! error: bad␛[2J\n")
    }
}
