import Foundation
import NIOHTTP1

/// Reads how long a server asked to wait before retrying, from the headers providers use:
/// `retry-after-ms`, then `retry-after` (seconds, or an HTTP date taken relative to the
/// response's `date` header), then `x-ms-retry-after-ms`.
enum RetryAfter {
    /// Seconds to wait, or `nil` when the headers give no usable hint.
    static func seconds(in headers: HTTPHeaders, now: Date = Date()) -> Double? {
        if let value = headers.first(name: "retry-after-ms"), let ms = Double(value.trimmed), ms >= 0 {
            return ms / 1000
        }
        if let value = headers.first(name: "retry-after") {
            if let seconds = Double(value.trimmed), seconds >= 0 { return seconds }
            if let date = parseHTTPDate(value) {
                let reference = headers.first(name: "date").flatMap(parseHTTPDate) ?? now
                return max(0, date.timeIntervalSince(reference))
            }
        }
        if let value = headers.first(name: "x-ms-retry-after-ms"), let ms = Double(value.trimmed), ms >= 0 {
            return ms / 1000
        }
        return nil
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
