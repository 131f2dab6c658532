import Foundation
import Synchronization

/// A progress bar on standard error for unattended work, with a rate and an estimate of the
/// time left: `[██████░░░░░░] 30/50 answers · 12.5/s · ETA 0:02`. It is drawn only when
/// standard error is a terminal (and `TERM` is not `dumb`); when the work is done, ``finish()``
/// replaces it with one final line (`50/50 answers in 4.0s (12.5/s)`).
///
/// Made with the total and when the work started; told how much is done with ``update(done:)``
/// from any thread. `arena mmlu` counts answers, `arena replay DIR` transcripts.
public final class ProgressBar: Sendable {
    private let total: Int
    private let unit: String
    private let startedAt: ContinuousClock.Instant
    private let drawn: Bool
    private let done = Mutex(0)

    /// A bar for `total` pieces of work named `unit` ("answers"), started at `startedAt`.
    /// `environment` decides, with standard error, whether it is drawn at all.
    public init(total: Int, unit: String, startedAt: ContinuousClock.Instant = .now, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.total = total
        self.unit = unit
        self.startedAt = startedAt
        drawn = TerminalDevice.isTerminal(2) && !TerminalStyle.isDumbTerminal(environment: environment)
    }

    /// Whether the bar is drawn (standard error is a terminal).
    public var isDrawn: Bool { drawn }

    /// `count` pieces are done: the bar is redrawn.
    public func update(done count: Int) {
        guard drawn else { return }
        done.withLock { done in
            done = count
            TerminalDevice.write("\r" + Self.line(done: count, total: total, unit: unit, elapsed: startedAt.duration(to: .now), columns: Self.columns) + "\u{1B}[K", to: 2)
        }
    }

    /// Writes `text` as a line of its own on `fd` (a result as it comes in), above the bar when
    /// it is drawn.
    public func note(_ text: String, to fd: Int32 = 2) {
        done.withLock { done in
            if drawn { TerminalDevice.write("\r\u{1B}[K", to: 2) }
            TerminalDevice.write(text + "\n", to: fd)
            if drawn { TerminalDevice.write(Self.line(done: done, total: total, unit: unit, elapsed: startedAt.duration(to: .now), columns: Self.columns), to: 2) }
        }
    }

    /// Replaces the bar with its final line.
    public func finish() {
        guard drawn else { return }
        done.withLock { done in
            TerminalDevice.write("\r\u{1B}[K" + Self.finalLine(done: done, total: total, unit: unit, elapsed: startedAt.duration(to: .now), columns: Self.columns) + "\n", to: 2)
        }
    }

    /// The widest bar drawn, in cells (between its brackets).
    public static let fullBarWidth = 30
    /// The narrowest bar drawn; with less room the bar goes.
    static let narrowestBar = 5

    /// The bar with its count, rate and time left: `[███░░░] 3/10 answers · 1.5/s · ETA 0:05`.
    /// The rate and the estimate appear once something is done.
    public static func line(done: Int, total: Int, unit: String, elapsed: Duration, width: Int = fullBarWidth) -> String {
        let parts = lineParts(done: done, total: total, unit: unit, elapsed: elapsed)
        return line(done: done, total: total, width: width) + parts.joined()
    }

    /// The bar line fitted to a terminal `columns` cells wide, the last cell left free (`nil`:
    /// width unknown, the line as ``line(done:total:unit:elapsed:width:)`` draws it): the bar
    /// shrinks first (to ``narrowestBar`` cells), then the time left goes, then the rate, then
    /// the unit, then the bar. The count stays whole, whatever the width.
    public static func line(done: Int, total: Int, unit: String, elapsed: Duration, columns: Int?) -> String {
        let parts = lineParts(done: done, total: total, unit: unit, elapsed: elapsed)
        guard let columns else { return line(done: done, total: total, unit: unit, elapsed: elapsed) }
        let room = columns - 1
        let count = "\(done)/\(total)"
        for kept in stride(from: parts.count, through: 0, by: -1) {
            let rest = count + parts.prefix(kept).joined()
            let barWidth = min(fullBarWidth, room - DisplayWidth.of(rest) - 3)
            if barWidth >= narrowestBar { return line(done: done, total: total, width: barWidth) + parts.prefix(kept).joined() }
        }
        for kept in stride(from: parts.count, through: 0, by: -1) {
            let rest = count + parts.prefix(kept).joined()
            if DisplayWidth.of(rest) <= room || kept == 0 { return rest }
        }
        return count
    }

    /// What follows the count, each with its leading space, in the order they are dropped last
    /// to first: the unit, the rate and the time left (once something is done).
    private static func lineParts(done: Int, total: Int, unit: String, elapsed: Duration) -> [String] {
        var parts = unit.isEmpty ? [] : [" " + unit]
        let seconds = elapsed.seconds
        guard done > 0, seconds > 0 else { return parts }
        let rate = Double(done) / seconds
        parts.append(" · " + formatRate(rate))
        if done < total { parts.append(" · ETA " + clock(Double(total - done) / rate)) }
        return parts
    }

    /// The line left when the work is done: `50/50 answers in 4.0s (12.5/s)`; on a terminal
    /// `columns` wide, without the rate and then without the unit when the line would not fit.
    public static func finalLine(done: Int, total: Int, unit: String, elapsed: Duration, columns: Int? = nil) -> String {
        let seconds = elapsed.seconds
        let time = " in " + String(format: "%.1f", seconds) + "s"
        let text = "\(done)/\(total)" + (unit.isEmpty ? "" : " " + unit) + time
        let withRate = done > 0 && seconds > 0 ? text + " (" + formatRate(Double(done) / seconds) + ")" : text
        let candidates = [withRate, text, "\(done)/\(total)" + time]
        guard let columns else { return withRate }
        return candidates.first { DisplayWidth.of($0) <= columns - 1 } ?? candidates[candidates.count - 1]
    }

    /// A one-line bar without rate or estimate: `[██████░░░░░░] 3/10`.
    public static func line(done: Int, total: Int, width: Int) -> String {
        let filled = total == 0 ? width : min(width, max(0, done) * width / total)
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(done)/\(total)"
    }

    /// The width of the terminal on standard error now (it may have been resized).
    private static var columns: Int? { TerminalDevice.size(of: 2)?.columns }

    private static func formatRate(_ rate: Double) -> String {
        (rate >= 10 ? String(Int(rate.rounded())) : String(format: "%.1f", rate)) + "/s"
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(min(seconds, 359_999).rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = (rest < 10 ? "0" : "") + String(rest)
        if hours > 0 { return "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes):" + tail }
        return "\(minutes):" + tail
    }
}
