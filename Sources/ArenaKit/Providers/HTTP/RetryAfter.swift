import Foundation
import NIOHTTP1

/// Reads how long a server asked to wait before retrying, from the headers providers use:
/// `retry-after-ms`, then `retry-after` (seconds, or an HTTP date taken relative to the
/// response's `date` header), then `x-ms-retry-after-ms`.
enum RetryAfter {
    /// Seconds to wait, or `nil` when the headers give no usable hint.
    static func seconds(in headers: HTTPHeaders, now: Date = Date()) -> Double? {
        if let value = headers.first(name: "retry-after-ms"), let ms = decimal(value) {
            return ms / 1000
        }
        if let value = headers.first(name: "retry-after") {
            if let seconds = decimal(value) { return seconds }
            if let date = parseHTTPDate(value) {
                let reference = headers.first(name: "date").flatMap(parseHTTPDate) ?? now
                return max(0, date.timeIntervalSince(reference))
            }
        }
        if let value = headers.first(name: "x-ms-retry-after-ms"), let ms = decimal(value) {
            return ms / 1000
        }
        return nil
    }

    /// `120 s`, `1.5 s`: a wait as messages show it.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e9 ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    /// A plain decimal number of zero or more (`120`, `1.5`), as the headers are defined; not
    /// the hexadecimal (`0x10`), exponent (`1e9`) or `inf` forms `Double.init` would also take.
    static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmed
        var seenPoint = false
        for character in trimmed.utf8 {
            if character == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) {
                return nil
            }
        }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// Parses an IMF-fixdate such as `Wed, 21 Oct 2015 07:28:00 GMT` (also the obsolete RFC 850
    /// and asctime forms).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmed) { return date }
        }
        return nil
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
