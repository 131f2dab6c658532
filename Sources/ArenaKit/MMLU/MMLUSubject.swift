/// An MMLU subject, named as in the release's file names (`high_school_biology`).
public struct MMLUSubject: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The name used in file names and on the command line, e.g. `high_school_biology`.
    public var name: String

    /// Creates a subject from its file-name form.
    public init(_ name: String) {
        self.name = name
    }

    /// The name for people: underscores become spaces ("high school biology").
    public var displayName: String {
        name.replacingUnderscoresWithSpaces()
    }

    public var description: String { name }

    public static func < (lhs: MMLUSubject, rhs: MMLUSubject) -> Bool { lhs.name < rhs.name }
}

extension String {
    fileprivate func replacingUnderscoresWithSpaces() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
