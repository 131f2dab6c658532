import Foundation

/// One record of a CSV file: its fields, and the one-based line on which it starts.
struct MMLUCSVRecord: Sendable, Hashable {
    /// The line on which the record starts (records may span lines inside quoted fields).
    public var line: Int
    /// The fields, exactly as written: quotes removed, doubled quotes undoubled, nothing trimmed.
    public var fields: [String]

    /// A record starting on `line` with `fields`.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// An exact CSV reader for the MMLU release (RFC 4180 as those files use it), working on bytes.
///
/// - Fields are separated by commas; a field that starts with `"` is quoted and may hold commas,
///   doubled quotes (`""` for `"`), CR and LF. Its closing quote must be followed by a comma, a
///   line break or the end of the file.
/// - A `"` inside an unquoted field is kept as it is (one MMLU record has one).
/// - Records end with LF, CRLF or a lone CR; the last one may have no line break. Empty lines
///   between records are skipped.
/// - Each field is decoded from UTF-8 once and must be valid; everything else, including
///   U+0085, U+00A0, U+FEFF, tabs and surrounding spaces, is kept. Only a UTF-8 byte order mark
///   at the very start of the file is dropped, since it marks the encoding, not content.
enum MMLUCSVReader {
    /// Reads every record of `bytes`. `file` names the source in errors ("file:line").
    public static func records(in bytes: [UInt8], file: String) throws(MMLUDataError) -> [MMLUCSVRecord] {
        var records: [MMLUCSVRecord] = []
        try withScanner(over: bytes, file: file) { scanner throws(MMLUDataError) in
            while try scanner.nextRecord() {
                records.append(MMLUCSVRecord(line: scanner.recordLine, fields: scanner.fields))
            }
        }
        return records
    }

    /// Reads every record of a string's UTF-8 bytes; convenient for tests and small inputs.
    public static func records(in text: String, file: String) throws(MMLUDataError) -> [MMLUCSVRecord] {
        try records(in: Array(text.utf8), file: file)
    }

    /// Runs `body` with a scanner over `bytes`.
    static func withScanner(
        over bytes: [UInt8],
        file: String,
        _ body: (inout Scanner) throws(MMLUDataError) -> Void
    ) throws(MMLUDataError) {
        let result: Result<Void, MMLUDataError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(MMLUDataError) in try withScanner(over: buffer, file: file, body) }
        }
        try result.get()
    }

    /// Runs `body` with a scanner over `buffer`, which must stay valid meanwhile.
    static func withScanner(
        over buffer: UnsafeBufferPointer<UInt8>,
        file: String,
        _ body: (inout Scanner) throws(MMLUDataError) -> Void
    ) throws(MMLUDataError) {
        var scanner = Scanner(buffer: buffer, file: file)
        try body(&scanner)
    }
}

extension MMLUCSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The byte-level state machine. `nextRecord()` fills `fields` (reused between records) and
    /// `recordLine`. Separators are found with `memchr`, remembering the next position of each
    /// separator byte so that every byte is searched at most once per separator kind.
    struct Scanner {
        private let bytes: UnsafeBufferPointer<UInt8>
        private let file: String
        private var position: Int
        private var line = 1
        /// The fields of the record last read.
        private(set) var fields: [String] = []
        /// The line on which the record last read starts.
        private(set) var recordLine = 0
        private var nextComma = -1
        private var nextLineFeed = -1
        private var nextCarriageReturn = -1

        init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = buffer
            self.file = file
            let hasByteOrderMark = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            self.position = hasByteOrderMark ? 3 : 0
            fields.reserveCapacity(8)
        }

        /// Reads the next record into `fields` and `recordLine`; false at the end of the input.
        mutating func nextRecord() throws(MMLUDataError) -> Bool {
            let count = bytes.count
            // Skip empty lines between records.
            while position < count {
                let byte = bytes[position]
                if byte == lineFeed {
                    position += 1
                } else if byte == carriageReturn {
                    position += 1
                    if position < count && bytes[position] == lineFeed { position += 1 }
                } else {
                    break
                }
                line += 1
            }
            guard position < count else { return false }

            recordLine = line
            fields.removeAll(keepingCapacity: true)
            while true {
                let endsRecord: Bool
                if position < count && bytes[position] == quote {
                    endsRecord = try readQuotedField()
                } else {
                    endsRecord = try readUnquotedField()
                }
                if endsRecord { return true }
            }
        }

        /// Reads a field starting at `position` (not at a quote). Returns whether the record ended.
        private mutating func readUnquotedField() throws(MMLUDataError) -> Bool {
            let start = position
            let end = min(
                Self.next(comma, from: start, cached: &nextComma, in: bytes),
                Self.next(lineFeed, from: start, cached: &nextLineFeed, in: bytes),
                Self.next(carriageReturn, from: start, cached: &nextCarriageReturn, in: bytes)
            )
            let content = start..<end
            fields.append(try decode(content, isASCII: isASCII(content), unescapingQuotes: false, line: line))
            position = end
            return consumeSeparator()
        }

        /// Reads a quoted field whose opening quote is at `position`. Returns whether the record ended.
        private mutating func readQuotedField() throws(MMLUDataError) -> Bool {
            let fieldLine = line
            let count = bytes.count
            let contentStart = position + 1
            var index = contentStart
            var hasDoubledQuotes = false
            // Jump from quote to quote; a doubled quote is content, a single one closes the field.
            while true {
                index = Self.find(quote, from: index, in: bytes)
                guard index < count else {
                    throw .unterminatedQuote(file: file, line: fieldLine)
                }
                if index + 1 < count && bytes[index + 1] == quote {
                    hasDoubledQuotes = true
                    index += 2
                    continue
                }
                break
            }
            let content = contentStart..<index
            let summary = summarize(content)
            line += summary.lineBreaks
            fields.append(try decode(content, isASCII: summary.isASCII, unescapingQuotes: hasDoubledQuotes, line: fieldLine))
            position = index + 1
            if position < count {
                let next = bytes[position]
                guard next == comma || next == lineFeed || next == carriageReturn else {
                    throw .unexpectedCharacterAfterQuote(file: file, line: line)
                }
            }
            return consumeSeparator()
        }

        /// Consumes the comma or line break at `position`; returns true when the record ended.
        private mutating func consumeSeparator() -> Bool {
            let count = bytes.count
            guard position < count else { return true }
            let byte = bytes[position]
            position += 1
            if byte == comma { return false }
            if byte == carriageReturn && position < count && bytes[position] == lineFeed {
                position += 1
            }
            line += 1
            return true
        }

        /// The position of the first `byte` at or after `start` and before `end` (by default the
        /// end of the buffer), or `end` when there is none.
        private static func find(_ byte: UInt8, from start: Int, before end: Int? = nil, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let end = end ?? bytes.count
            guard start < end, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(byte), end - start)
            else { return end }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        /// Like `find`, reusing the last answer while it is still ahead of `start`.
        private static func next(_ byte: UInt8, from start: Int, cached: inout Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if cached < start {
                cached = find(byte, from: start, in: bytes)
            }
            return cached
        }

        /// Whether a span of bytes is all ASCII, testing eight bytes at a time.
        private func isASCII(_ range: Range<Int>) -> Bool {
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var seenBits: UInt64 = 0
            var offset = range.lowerBound
            while offset + 8 <= range.upperBound {
                seenBits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < range.upperBound {
                seenBits |= UInt64(base[offset])
                offset += 1
            }
            return seenBits & 0x8080_8080_8080_8080 == 0
        }

        /// Whether a span of bytes is all ASCII, and how many line breaks (LF, CRLF, lone CR)
        /// it holds. Line breaks inside fields are rare, so they are found with `memchr`.
        private func summarize(_ range: Range<Int>) -> (isASCII: Bool, lineBreaks: Int) {
            var lineBreaks = 0
            let end = range.upperBound
            var index = Self.find(lineFeed, from: range.lowerBound, before: end, in: bytes)
            while index < end {
                lineBreaks += 1
                index = Self.find(lineFeed, from: index + 1, before: end, in: bytes)
            }
            index = Self.find(carriageReturn, from: range.lowerBound, before: end, in: bytes)
            while index < end {
                if index + 1 >= end || bytes[index + 1] != lineFeed { lineBreaks += 1 }
                index = Self.find(carriageReturn, from: index + 1, before: end, in: bytes)
            }
            return (isASCII(range), lineBreaks)
        }

        /// Decodes one field's bytes as UTF-8, undoubling quotes when needed. ASCII-only fields
        /// (most of them) take the fast path; others are validated and fail on invalid UTF-8.
        private func decode(_ range: Range<Int>, isASCII: Bool, unescapingQuotes: Bool, line: Int) throws(MMLUDataError) -> String {
            guard unescapingQuotes else {
                return try decode(UnsafeBufferPointer(rebasing: bytes[range]), isASCII: isASCII, line: line)
            }
            // Copy the runs between doubled quotes, keeping one quote of each pair.
            let unescaped = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initializedCount in
                var written = 0
                var start = range.lowerBound
                while start < range.upperBound {
                    let quoteIndex = Self.find(quote, from: start, before: range.upperBound, in: bytes)
                    let runEnd = min(quoteIndex + 1, range.upperBound)
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<runEnd])
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[written..<(written + run.count)]).initialize(from: run)
                    written += run.count
                    start = quoteIndex + 2
                }
                initializedCount = written
            }
            return try unescaped.withUnsafeBufferPointer { buffer throws(MMLUDataError) in
                try decode(buffer, isASCII: isASCII, line: line)
            }
        }

        private func decode(_ buffer: UnsafeBufferPointer<UInt8>, isASCII: Bool, line: Int) throws(MMLUDataError) -> String {
            if isASCII {
                return String(decoding: buffer, as: UTF8.self)
            }
            guard let decoded = String(validating: buffer, as: UTF8.self) else {
                throw .invalidUTF8(file: file, line: line)
            }
            return decoded
        }
    }
}
