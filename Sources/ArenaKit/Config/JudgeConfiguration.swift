/// The judge settings of the models file: the default judge model (`judge:`) and replacement
/// prompt templates (`judge_templates:`).
///
/// ```yaml
/// judge: gpt-4o
/// judge_templates:
///   pairwise:
///     system: You are a strict judge.
///     prompt: |
///       {question} … {answer_a} … {answer_b} … end with [[A]], [[B]] or [[C]].
/// ```
public struct JudgeConfiguration: Sendable, Hashable {
    /// The default judge model's name.
    public var model: String?
    public var templates: [JudgeTemplateOverride] = []

    public init(model: String? = nil, templates: [JudgeTemplateOverride] = []) {
        self.model = model
        self.templates = templates
    }
}

/// One replacement judge template from the models file.
public struct JudgeTemplateOverride: Sendable, Hashable {
    /// `pairwise`, `single` or `reference`.
    public var kind: String
    public var prompt: String
    /// The system prompt; `nil` keeps the default template's.
    public var system: String?

    /// The placeholders each kind of template must contain.
    public static let requiredPlaceholders: [String: [String]] = [
        "pairwise": ["{question}", "{answer_a}", "{answer_b}"],
        "single": ["{question}", "{answer}"],
        "reference": ["{question}", "{answer}", "{reference}"],
    ]
}
