/// Turns the bytes of one MMLU CSV file (`<subject>_<split>.csv`: question, four choices and
/// the answer letter per record, no header) into questions.
enum MMLUFileParser {
    /// The number of fields in every MMLU record.
    public static let fieldsPerRecord = 6

    /// Parses every record of `bytes`. `file` names the source in errors ("file:line").
    public static func questions(
        in bytes: [UInt8],
        file: String,
        subject: MMLUSubject,
        split: MMLUSplit
    ) throws(MMLUDataError) -> [MMLUQuestion] {
        let result: Result<[MMLUQuestion], MMLUDataError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(MMLUDataError) in try questions(in: buffer, file: file, subject: subject, split: split) }
        }
        return try result.get()
    }

    /// Parses every record of `buffer`; the loader's entry point (it reuses one read buffer).
    static func questions(
        in buffer: UnsafeBufferPointer<UInt8>,
        file: String,
        subject: MMLUSubject,
        split: MMLUSplit
    ) throws(MMLUDataError) -> [MMLUQuestion] {
        var questions: [MMLUQuestion] = []
        try MMLUCSVReader.withScanner(over: buffer, file: file) { scanner throws(MMLUDataError) in
            while try scanner.nextRecord() {
                questions.append(try question(
                    from: scanner.fields, line: scanner.recordLine, file: file,
                    subject: subject, split: split, index: questions.count
                ))
            }
        }
        return questions
    }

    /// Parses a string's UTF-8 bytes; convenient for tests and small inputs.
    public static func questions(
        in text: String,
        file: String,
        subject: MMLUSubject,
        split: MMLUSplit
    ) throws(MMLUDataError) -> [MMLUQuestion] {
        try questions(in: Array(text.utf8), file: file, subject: subject, split: split)
    }

    /// Checks one record's shape and answer letter and builds the question.
    static func question(
        from fields: [String],
        line: Int,
        file: String,
        subject: MMLUSubject,
        split: MMLUSplit,
        index: Int
    ) throws(MMLUDataError) -> MMLUQuestion {
        guard fields.count == fieldsPerRecord else {
            throw .wrongFieldCount(file: file, line: line, found: fields.count, expected: fieldsPerRecord)
        }
        let letter = fields[5].utf8
        guard letter.count == 1, let answer = MMLUChoice(uppercaseASCII: letter.first!) else {
            throw .invalidAnswer(file: file, line: line, found: fields[5])
        }
        return MMLUQuestion(
            subject: subject,
            split: split,
            index: index,
            question: fields[0],
            choices: Array(fields[1...4]),
            answer: answer
        )
    }
}
