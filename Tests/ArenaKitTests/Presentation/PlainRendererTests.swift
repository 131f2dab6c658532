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

    @Test func aPipeTurnOpensWithItsNumberAndQuestion() throws {
        var cut = AnswerProgress(status: .done, startedAt: start)
        cut.finishReason = .length
        let output = try capture { renderer in
            renderer.beginTurn(TurnHeading(names: SidePair(a: "a", b: "b"), number: 3, question: "Why?\nSay \u{1B}[2J more"))
            renderer.append("one\n", tone: .answer, side: .a, progress: AnswerProgress(status: .streaming, startedAt: start))
            renderer.update(cut, side: .a)
            renderer.update(AnswerProgress(status: .done, startedAt: start), side: .b)
        }
        #expect(output == "── turn 3 ──\nQ: Why?\nQ: Say ␛[2J more\nA: one\nA! cut at max tokens\n")
    }

    @Test func aLongQuestionIsShortenedInThePipe() throws {
        let question = (1...20).map { "line \($0)" }.joined(separator: "\n")
        let output = try capture { renderer in
            renderer.beginTurn(TurnHeading(names: SidePair(a: "a", b: "b"), number: 1, question: question))
        }
        #expect(output == "── turn 1 ──\nQ: line 1\nQ: line 2\nQ: line 3\nQ: line 4\nQ: line 5\nQ: line 6 …\n")
    }
}
