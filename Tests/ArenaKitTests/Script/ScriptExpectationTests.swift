import Testing
@testable import ArenaKit

@Suite("Script expectations")
struct ScriptExpectationTests {
    private let models = SidePair(a: "gpt-4o", b: "parrot")

    private func answers(_ a: String, _ b: String) -> SidePair<Answer> {
        SidePair(a: Answer(text: a, status: .done, finishReason: .stop), b: Answer(text: b, status: .done, finishReason: .stop))
    }

    private func expectation(_ arguments: String) throws -> ScriptExpectation {
        try ScriptExpectation(parsing: arguments)
    }

    @Test("contains passes and fails, naming the side and model")
    func contains() throws {
        let both = try expectation("both contains Paris")
        #expect(both.evaluate(answers("It is Paris.", "Paris!"), models: models) == .pass)
        #expect(both.evaluate(answers("It is Paris.", "Lyon"), models: models) == .fail("side B (parrot) does not contain \"Paris\"; its answer is \"Lyon\""))
        #expect(try expectation("a contains paris").evaluate(answers("Paris", "")).passed == false)
        let long = String(repeating: "word ", count: 30)
        guard case .fail(let reason) = try expectation("a contains x").evaluate(answers(long, "")) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.hasPrefix("side A does not contain \"x\"; its answer begins \"word word"))
        #expect(reason.hasSuffix("…\""))
    }

    @Test("not-contains passes and fails with the text around the find")
    func notContains() throws {
        let check = try expectation("b not-contains Berlin")
        #expect(check.evaluate(answers("Berlin", "Paris"), models: models) == .pass)
        #expect(check.evaluate(answers("", "Not Berlin, but Paris"), models: models) == .fail("side B (parrot) contains \"Berlin\": \"Not Berlin, but Paris\""))
    }

    @Test("matches passes and fails")
    func matches() throws {
        let check = try expectation("a matches (?i)^the answer is [A-D]\\b")
        #expect(check.evaluate(answers("The answer is C.", "")) == .pass)
        #expect(check.evaluate(answers("I think C", "")) == .fail("side A does not match /(?i)^the answer is [A-D]\\b/; its answer is \"I think C\""))
        #expect(try expectation("b matches \\d{3}").evaluate(answers("", "call 555 now")) == .pass)
    }

    @Test("finished passes for a normal end and fails for errors, cut-offs and interruptions")
    func finished() throws {
        let check = try expectation("a finished")
        #expect(check.evaluate(answers("ok", "")) == .pass)
        #expect(check.evaluate(SidePair(a: Answer(text: "ok", status: .done), b: Answer())) == .pass)
        func result(_ answer: Answer) -> ExpectationResult {
            check.evaluate(SidePair(a: answer, b: Answer(status: .done)), models: models)
        }
        #expect(result(Answer(text: "long", status: .done, finishReason: .length)) == .fail("side A (gpt-4o) was cut off at the token limit"))
        #expect(result(Answer(status: .done, finishReason: .contentFilter)) == .fail("side A (gpt-4o) was stopped by the content filter"))
        #expect(result(Answer(text: "par", status: .incomplete)) == .fail("side A (gpt-4o) is incomplete: the stream ended early"))
        #expect(result(Answer(text: "par", status: .interrupted)) == .fail("side A (gpt-4o) was interrupted"))
        #expect(result(Answer(status: .failed(message: "HTTP 500"))) == .fail("side A (gpt-4o) failed: HTTP 500"))
        #expect(result(Answer(status: .streaming)) == .fail("side A (gpt-4o) has not finished (streaming)"))
    }

    @Test("both sides are checked and every failure is reported")
    func bothSides() throws {
        let check = try expectation("both finished")
        let failed = SidePair(a: Answer(status: .failed(message: "timeout")), b: Answer(status: .interrupted))
        #expect(check.evaluate(failed, models: models) == .fail("side A (gpt-4o) failed: timeout; side B (parrot) was interrupted"))
    }

    @Test("text checks fail on a failed answer instead of passing vacuously")
    func failedAnswer() throws {
        let failed = SidePair(a: Answer(status: .failed(message: "HTTP 401")), b: Answer(status: .done))
        #expect(try expectation("a not-contains secret").evaluate(failed) == .fail("side A failed: HTTP 401"))
    }

    @Test("with nothing asked yet, every expectation fails")
    func nothingAsked() throws {
        #expect(try expectation("both finished").evaluate(nil) == .fail("no answer to check: nothing has been asked yet"))
    }
}

/// Issue 11: a pattern that backtracks catastrophically is stopped and reported, and the script
/// goes on.
@Suite struct BacktrackingPatternTests {
    @Test func aCatastrophicPatternIsStoppedAndNamed() throws {
        // Exponential in the answer's length (2^40 ways to split it): it never finishes alone.
        let check = try ScriptExpectation(parsing: "a matches (x+x+)+y")
        let answer = Answer(text: String(repeating: "x", count: 40), status: .done, finishReason: .stop)
        let result = check.evaluate(SidePair(a: answer, b: answer), models: SidePair(a: "m", b: "n"))
        #expect(result == .fail("/(x+x+)+y/ took longer than 2 s to search side A (m)'s answer (it backtracks too much); simplify the pattern"))
    }
}
