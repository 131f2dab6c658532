import Foundation

/// Turns records into transcript lines and lines back into records.
///
/// One coder keeps one `JSONEncoder` and one `JSONDecoder` for all the lines of a file.
struct TranscriptLineCoder {
    /// What one line held.
    enum Line {
        /// An event this version knows.
        case record(TranscriptRecord)
        /// An event of a type this version does not know; it is skipped.
        case unknown(type: String, version: Int)
    }

    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// The record as one line of JSON, ending with a newline: `type`, `v` and `ts` first, then
    /// the event's fields in sorted order.
    func encodeLine(_ record: TranscriptRecord) throws -> Data {
        var line = Data("{\"type\":\"\(record.event.typeName)\",\"v\":\(record.schemaVersion)".utf8)
        if let time = record.time {
            line.append(contentsOf: ",\"ts\":\"\(TranscriptTimestamp.string(from: time))\"".utf8)
        }
        if let payload = try encodePayload(of: record.event), payload.count > 2 {
            // payload is `{...}`: splice its members in after the envelope's.
            line.append(UInt8(ascii: ","))
            line.append(payload.dropFirst())
        } else {
            line.append(UInt8(ascii: "}"))
        }
        line.append(UInt8(ascii: "\n"))
        return line
    }

    private func encodePayload(of event: TranscriptEvent) throws -> Data? {
        switch event {
        case .session(let value): return try encoder.encode(value)
        case .model(let value): return try encoder.encode(value)
        case .settings(let value): return try encoder.encode(value)
        case .systemPrompt(let value): return try encoder.encode(value)
        case .user(let value): return try encoder.encode(value)
        case .answer(let value): return try encoder.encode(value)
        case .grade(let value): return try encoder.encode(value)
        case .vote(let value): return try encoder.encode(value)
        case .reveal(let value): return try encoder.encode(value)
        case .judgeVerdict(let value): return try encoder.encode(value)
        case .note(let value): return try encoder.encode(value)
        case .swap, .clear: return nil
        }
    }

    /// Decodes one line (without its newline). Throws `DecodingError` when it is not a valid
    /// event; see ``describe(_:)`` for a one-line reason.
    func decodeLine(_ bytes: Data, lineNumber: Int) throws -> Line {
        let envelope = try decoder.decode(Envelope.self, from: bytes)
        guard let event = envelope.event else {
            return .unknown(type: envelope.typeName, version: envelope.version)
        }
        return .record(TranscriptRecord(event: event, time: envelope.time, schemaVersion: envelope.version, line: lineNumber))
    }

    /// A one-line reason for a decoding failure, naming the field.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \"\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)\""
        case .valueNotFound(_, let context):
            return "field \"\(path(context))\" is null"
        case .typeMismatch(let type, let context):
            let where_ = path(context)
            return where_.isEmpty ? "not a JSON object" : "field \"\(where_)\" is not a \(type)"
        case .dataCorrupted(let context):
            let where_ = path(context)
            if where_.isEmpty { return "not valid JSON" }
            return "field \"\(where_)\": \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// The envelope of a line: its type, version and time, and the event when the type is known.
    private struct Envelope: Decodable {
        enum Keys: String, CodingKey {
            case type, v, ts
        }

        let typeName: String
        let version: Int
        let time: Date?
        let event: TranscriptEvent?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            typeName = try container.decode(String.self, forKey: .type)
            version = try container.decodeIfPresent(Int.self, forKey: .v) ?? TranscriptSchema.version
            if let text = try container.decodeIfPresent(String.self, forKey: .ts) {
                guard let date = TranscriptTimestamp.date(from: text) else {
                    throw DecodingError.dataCorruptedError(forKey: .ts, in: container, debugDescription: "not an ISO 8601 time: \(text)")
                }
                time = date
            } else {
                time = nil
            }
            typealias Name = TranscriptEvent.TypeName
            switch typeName {
            case Name.session: event = .session(try .init(from: decoder))
            case Name.model: event = .model(try .init(from: decoder))
            case Name.settings: event = .settings(try .init(from: decoder))
            case Name.systemPrompt: event = .systemPrompt(try .init(from: decoder))
            case Name.user: event = .user(try .init(from: decoder))
            case Name.answer: event = .answer(try .init(from: decoder))
            case Name.grade: event = .grade(try .init(from: decoder))
            case Name.vote: event = .vote(try .init(from: decoder))
            case Name.reveal: event = .reveal(try .init(from: decoder))
            case Name.judgeVerdict: event = .judgeVerdict(try .init(from: decoder))
            case Name.swap: event = .swap
            case Name.clear: event = .clear
            case Name.note: event = .note(try .init(from: decoder))
            default: event = nil
            }
        }
    }
}
