import Foundation
import Testing
@testable import ArenaKit

@Suite struct ColumnScreenTests {
    private let style = TerminalStyle(colorEnabled: false)
    private let start = ContinuousClock.now

    private func progress(_ status: AnswerStatus) -> AnswerProgress {
        AnswerProgress(status: status, startedAt: start, firstTokenAt: start, endedAt: status.isFinal ? start : nil)
    }

    /// Column text of each side read back from the terminal, split at the separator.
    private func columns(_ lines: [String]) -> (a: [String], b: [String]) {
        var a: [String] = []
        var b: [String] = []
        for line in lines.dropFirst(2) {
            guard let separator = line.range(of: " │") else { continue }
            a.append(line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces))
            b.append(line[separator.upperBound...].trimmingCharacters(in: .whitespaces))
        }
        return (a, b)
    }

    @Test func aLongAnswerFinishedBeforeTheOtherStartsIsKeptWholeInTheScrollback() {
        var screen = ColumnScreen(columns: 100, rows: 24, style: style)
        var terminal = MiniTerminal(rows: 24)
        terminal.feed(screen.begin(TurnHeading(names: SidePair(a: "fast", b: "slow"))))
        let long = (1...300).map { "line \($0) of side A" }
        for line in long {
            screen.append(line + "\n", tone: .answer, side: .a)
            terminal.feed(screen.frame(now: .now))
        }
        screen.update(progress(.done), side: .a)
        terminal.feed(screen.frame(now: .now))
        let short = (1...5).map { "B says \($0)" }
        for line in short {
            screen.append(line + "\n", tone: .answer, side: .b)
            terminal.feed(screen.frame(now: .now))
        }
        screen.update(progress(.done), side: .b)
        terminal.feed(screen.finish(now: .now))

        let lines = terminal.allLines
        let (a, b) = columns(lines)
        #expect(a.filter { !$0.isEmpty && !$0.hasPrefix("✓") } == long)
        #expect(b.filter { !$0.isEmpty && !$0.hasPrefix("✓") } == short)
        #expect(lines.last?.contains("✓ done") == true)
    }

    @Test func interleavedStreamingAtDifferentSpeedsLosesAndRepeatsNothing() {
        var screen = ColumnScreen(columns: 90, rows: 10, style: style)
        var terminal = MiniTerminal(rows: 10)
        terminal.feed(screen.begin(TurnHeading(names: SidePair(a: "a", b: "b"))))
        let wordsA = (1...400).map { "a\($0)" }
        let wordsB = (1...90).map { "b\($0)" }
        var indexB = 0
        for (index, word) in wordsA.enumerated() {
            screen.append(word + " ", tone: .answer, side: .a)
            if index % 4 == 0, indexB < wordsB.count {
                screen.append(wordsB[indexB] + " ", tone: .answer, side: .b)
                indexB += 1
            }
            if index % 3 == 0 { terminal.feed(screen.frame(now: .now)) }
        }
        screen.update(progress(.done), side: .a)
        while indexB < wordsB.count {
            screen.append(wordsB[indexB] + " ", tone: .answer, side: .b)
            indexB += 1
            terminal.feed(screen.frame(now: .now))
        }
        screen.update(progress(.interrupted), side: .b)
        terminal.feed(screen.finish(now: .now))

        let (a, b) = columns(terminal.allLines)
        let readA = a.filter { !$0.hasPrefix("✓") }.joined(separator: " ").split(separator: " ").map(String.init)
        let readB = b.filter { !$0.hasPrefix("⏸") }.joined(separator: " ").split(separator: " ").map(String.init)
        #expect(readA == wordsA)
        #expect(readB == wordsB)
    }

    @Test func narrowTerminalsStackTheSides() {
        var screen = ColumnScreen(columns: 60, rows: 20, style: style)
        var terminal = MiniTerminal(rows: 20)
        terminal.feed(screen.begin(TurnHeading(names: SidePair(a: "left", b: "right"))))
        screen.append("from B first\n", tone: .answer, side: .b)
        terminal.feed(screen.frame(now: .now))
        screen.append("from A\n", tone: .answer, side: .a)
        screen.update(progress(.done), side: .a)
        screen.update(progress(.done), side: .b)
        terminal.feed(screen.finish(now: .now))
        let lines = terminal.allLines
        let aHeader = lines.firstIndex(of: "A left")!
        let bHeader = lines.firstIndex(of: "B right")!
        #expect(aHeader < lines.firstIndex(of: "│ from A")!)
        #expect(lines.firstIndex(of: "│ from A")! < bHeader)
        #expect(bHeader < lines.firstIndex(of: "│ from B first")!)
        #expect(lines.filter { $0 == "│ from B first" }.count == 1)
    }

    @Test func errorsShowInTheirOwnColumn() {
        var screen = ColumnScreen(columns: 100, rows: 20, style: style)
        var terminal = MiniTerminal(rows: 20)
        terminal.feed(screen.begin(TurnHeading(names: SidePair(a: "ok", b: "broken"))))
        screen.append("fine answer\n", tone: .answer, side: .a)
        screen.update(progress(.done), side: .a)
        screen.update(progress(.failed(message: "HTTP 500: boom")), side: .b)
        terminal.feed(screen.finish(now: .now))
        let (a, b) = columns(terminal.allLines)
        #expect(a.contains("fine answer"))
        #expect(b.contains("✗ HTTP 500: boom"))
    }

    @Test func resizingKeepsEverythingNotYetCommitted() {
        var screen = ColumnScreen(columns: 120, rows: 30, style: style)
        let words = (1...200).map { "w\($0)" }
        _ = screen.begin(TurnHeading(names: SidePair(a: "a", b: "b")))
        for word in words.prefix(100) { screen.append(word + " ", tone: .answer, side: .a) }
        _ = screen.frame(now: .now)
        screen.resize(columns: 90, rows: 30)
        for word in words.dropFirst(100) { screen.append(word + " ", tone: .answer, side: .a) }
        screen.update(progress(.done), side: .a)
        screen.update(progress(.done), side: .b)
        var terminal = MiniTerminal(rows: 30)
        terminal.feed(screen.finish(now: .now))
        let (a, _) = columns(["", ""] + terminal.allLines)
        let read = a.filter { !$0.hasPrefix("✓") }.joined(separator: " ").split(separator: " ").map(String.init)
        #expect(read == words)
    }

    /// How far up the frame after a resize moves before clearing: `ESC [ n A` gives n + 1 rows.
    private func rowsCleared(by frame: String) -> Int {
        guard let start = frame.range(of: "\u{1B}["), let end = frame[start.upperBound...].firstIndex(of: "A") else { return 1 }
        return (Int(frame[start.upperBound..<end]) ?? 0) + 1
    }

    @Test func aNarrowerTerminalClearsTheRowsTheLiveRegionReallyTakes() {
        // Short rows fit the narrower width, so a re-flowing terminal keeps one row each: the
        // next frame must not reach above them (where committed text is).
        var screen = ColumnScreen(columns: 160, rows: 40, style: style)
        _ = screen.begin(TurnHeading(names: SidePair(a: "a", b: "b")))
        screen.append("short line", tone: .answer, side: .a)
        let drawn = screen.frame(now: .now)
        let liveRows = drawn.components(separatedBy: "\r\n").count
        screen.resize(columns: 100, rows: 40)
        #expect(rowsCleared(by: screen.frame(now: .now)) == liveRows)

        // A row wider than the new width becomes two rows on such a terminal.
        var wide = ColumnScreen(columns: 160, rows: 40, style: style)
        _ = wide.begin(TurnHeading(names: SidePair(a: "a", b: "b")))
        wide.append("left", tone: .answer, side: .a)
        wide.append(String(repeating: "right ", count: 12), tone: .answer, side: .b)
        let wideDrawn = wide.frame(now: .now)
        let wideRows = wideDrawn.components(separatedBy: "\r\n")
        let overflowing = wideRows.filter { ColumnScreen.visibleWidth(of: $0) > 100 }.count
        #expect(overflowing > 0)
        wide.resize(columns: 100, rows: 40)
        #expect(rowsCleared(by: wide.frame(now: .now)) == wideRows.count + overflowing)
    }
}
