import ArenaTestSupport
import Foundation
@testable import ArenaKit

/// A fresh, empty directory under the system's temporary directory, unique to one test
/// (removed when the tests end).
func makeTranscriptTestDirectory() throws -> String {
    try TemporaryDirectory(prefix: "arena-transcript-tests-").path
}

enum TranscriptSamples {
    static let start = Date(timeIntervalSince1970: 1_795_620_719)  // 2026-11-25T15:31:59Z

    static let modelA = ModelDescriptor(
        name: "gpt-4o", provider: .azureOpenAI, origin: .file,
        endpointHost: "contoso.openai.azure.com", remoteModel: "gpt-4o-deploy", apiVersion: "2024-10-21"
    )
    static let modelB = ModelDescriptor(name: "parrot", provider: .builtIn, origin: .builtIn)
    static let modelC = ModelDescriptor(name: "llama-3", provider: .openAI, origin: .discovered, endpointHost: "localhost")

    static let answerA = Answer(
        text: "Paris is the capital of France.\nIt has <b>many</b> museums.",
        reasoning: "The user asks about France.",
        status: .done,
        finishReason: .stop,
        usage: TokenUsage(inputTokens: 12, outputTokens: 9),
        timeToFirstToken: 0.25,
        duration: 1.5,
        reportedModel: "gpt-4o-2024-08-06"
    )
    static let answerB = Answer(
        text: "The capital is Paris",
        status: .incomplete,
        finishReason: .length,
        usage: TokenUsage(outputTokens: 5, isEstimate: true),
        timeToFirstToken: 0.01,
        duration: 0.2
    )

    /// One event of every type.
    static let everyEvent: [TranscriptEvent] = [
        .session(.init(arenaVersion: "0.4.0", source: "/tmp/old.jsonl")),
        .model(.init(side: .a, descriptor: modelA, reportedModel: "gpt-4o-2024-08-06")),
        .model(.init(side: .b, descriptor: modelB, blind: true)),
        .settings(.init(side: .a, temperature: 0.7, maxTokens: 256, topP: 0.9, seed: 42, stop: ["END", "\n\n"])),
        .settings(.init(side: .b)),
        .systemPrompt(.init(side: .a, text: "Be terse.")),
        .systemPrompt(.init(side: .b, text: nil)),
        .user(.init(turn: 1, prompt: "What is the capital of France?\nAnswer briefly.", mmlu: .init(subject: "geography", split: "test", index: 3, answer: "C"))),
        .answer(.init(turn: 1, side: .a, model: "gpt-4o", answer: answerA, cost: .init(amount: 0.0012))),
        .answer(.init(turn: 1, side: .b, model: "parrot", answer: answerB)),
        .answer(.init(turn: 1, side: .b, model: "parrot", answer: Answer(status: .failed(message: "HTTP 500: oops")), adoptedFrom: nil)),
        .answer(.init(turn: 1, side: .b, model: "parrot", answer: Answer(text: "x", status: .interrupted), adoptedFrom: .a)),
        .grade(.init(turn: 1, side: .a, model: "gpt-4o", extractedLetter: "C", correctLetter: "C")),
        .grade(.init(turn: 1, side: .b, extractedLetter: nil, correctLetter: "C")),
        .vote(.init(turn: 1, verdict: .a, anonymous: true, modelA: "gpt-4o", modelB: "parrot")),
        .reveal(.init(turn: 1, modelA: "gpt-4o", modelB: "parrot")),
        .swap,
        .clear,
        .note(.init(text: "adopted A's answer \u{2028} with a line separator", kind: "adopt")),
    ]

    static func records(_ events: [TranscriptEvent] = everyEvent) -> [TranscriptRecord] {
        events.enumerated().map { offset, event in
            TranscriptRecord(event: event, time: start.addingTimeInterval(Double(offset)))
        }
    }

    /// The transcript text of `records`, as the writer writes it.
    static func text(_ records: [TranscriptRecord]) throws -> Data {
        let coder = TranscriptLineCoder()
        var data = Data()
        for record in records {
            data.append(try coder.encodeLine(record))
        }
        return data
    }
}
