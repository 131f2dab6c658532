import Foundation
import Synchronization
import Testing
@testable import ArenaKit

/// The live renderer's helper threads change when work is done, never what is drawn: side B
/// laid out on a second thread gives the same screen, and frames handed to the terminal
/// writer reach the terminal whole and in order.
@Suite struct RenderThreadsTests {
    private let start = ContinuousClock.now

    /// The same texts on two screens, one laying B out on a ``SideLayoutThread``: every frame
    /// is the same, byte for byte.
    @Test func aSecondLayoutThreadDrawsTheSameFrames() {
        let helper = SideLayoutThread()
        defer { helper.stop() }
        for style in [TerminalStyle(colorEnabled: false), TerminalStyle(colorEnabled: true)] {
            for markdown in [true, false] {
                let heading = TurnHeading(names: SidePair(a: "a", b: "b"), renderMarkdown: markdown)
                var serial = ColumnScreen(columns: 120, rows: 30, style: style)
                var parallel = ColumnScreen(columns: 120, rows: 30, style: style)
                #expect(serial.begin(heading) == parallel.begin(heading))
                // Batches of every size: below and above the hand-over threshold, one side empty.
                let samples = MarkdownSamples.all
                var handedOver = 0
                for (index, sample) in samples.enumerated() {
                    let a = String(repeating: sample + "\n\n", count: 1 + 4 * (index % 3))
                    let b = index % 4 == 3 ? "" : String(repeating: samples[(index + 1) % samples.count] + "\n\n", count: 12 * (1 + index))
                    if !b.isEmpty, a.utf8.count + b.utf8.count >= ColumnScreen.bytesWorthASecondThread { handedOver += 1 }
                    let batch = SidePair(a: [QueuedText(text: a, tone: .answer)], b: b.isEmpty ? [] : [QueuedText(text: b, tone: .answer), QueuedText(text: "thinking…", tone: .reasoning)])
                    serial.append(batch, helper: nil)
                    parallel.append(batch, helper: helper)
                    #expect(serial.frame(now: start) == parallel.frame(now: start), "batch \(index)")
                }
                #expect(handedOver >= 3)
                for side in Side.allCases {
                    let done = AnswerProgress(status: .done, startedAt: start, firstTokenAt: start, endedAt: start)
                    serial.update(done, side: side)
                    parallel.update(done, side: side)
                }
                #expect(serial.finish(now: start) == parallel.finish(now: start))
            }
        }
    }

    /// A writer blocked by a terminal that reads nothing is busy; once the terminal reads,
    /// `flush` returns and everything arrives in the order it was written.
    @Test func theTerminalWriterKeepsOrderAndFlushWaitsForTheTerminal() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let writer = TerminalWriter(output: fds[1])
        writer.start(whenIdle: {})
        // More than a pipe holds, in pieces: the thread blocks in `write` until it is read.
        let pieces = (0..<64).map { index in String(repeating: Character(UnicodeScalar(UInt8(65 + index % 26))), count: 4096) + "\n" }
        for piece in pieces { writer.write(piece) }
        #expect(writer.isBusy)
        let received = Received()
        let reader = Thread { [fd = fds[0]] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                received.bytes.withLock { $0 += buffer[0..<count] }
            }
            received.finished.signal()
        }
        reader.start()
        writer.flush()
        #expect(!writer.isBusy)
        writer.stop()
        // Stopped: a write is made at once, on the caller's thread.
        writer.write("after\n")
        close(fds[1])
        received.finished.wait()
        #expect(received.bytes.withLock { $0 } == Array((pieces.joined() + "after\n").utf8))
    }
}

/// What the test's reader thread received, and when it has read to the end.
private final class Received: Sendable {
    let bytes = Mutex<[UInt8]>([])
    let finished = DispatchSemaphore(value: 0)
}
