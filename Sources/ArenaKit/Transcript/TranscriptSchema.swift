/// The version of the transcript format that this build of arena writes and fully understands.
///
/// Every line of a transcript carries it as `"v"`. Additions (new optional fields, new event
/// types) keep the version; it only goes up when the meaning of an existing field changes.
/// Readers load lines of a newer version anyway, ignoring what they do not know, and warn once.
/// See `docs/transcript-format.md`.
public enum TranscriptSchema {
    /// The schema version written on every line.
    public static let version = 1

    /// The file name extension of transcripts, without the dot.
    public static let fileExtension = "jsonl"
}
