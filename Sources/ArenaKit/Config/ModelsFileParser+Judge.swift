import Yams

extension ModelsFileParser {
    /// Reads the top-level `judge:` (a model name).
    mutating func parseJudgeModel(_ node: Node) throws {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(at: node, "expected 'judge' to be the name of a model")
        }
        judge.model = scalar.string
    }

    /// Reads the top-level `judge_templates:`: for `pairwise`, `single` or `reference`, either
    /// the prompt text or a mapping with `prompt` and optionally `system`.
    mutating func parseJudgeTemplates(_ node: Node) throws {
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "expected 'judge_templates' to map pairwise, single or reference to a prompt")
        }
        for (keyNode, value) in mapping {
            let kind = normalized(keyNode.string ?? "")
            guard let required = JudgeTemplateOverride.requiredPlaceholders[kind] else {
                throw error(at: keyNode, "unknown judge template '\(keyNode.string ?? "")'; expected pairwise, single or reference")
            }
            var prompt: String?
            var system: String?
            switch value {
            case .scalar(let scalar):
                prompt = scalar.string
            case .mapping(let fields):
                for (fieldNode, fieldValue) in fields {
                    guard case .scalar(let text) = fieldValue else {
                        throw error(at: fieldValue, "expected judge_templates.\(kind).\(fieldNode.string ?? "") to be text")
                    }
                    switch normalized(fieldNode.string ?? "") {
                    case "prompt": prompt = text.string
                    case "system": system = text.string
                    default: warn(at: fieldNode, "unknown key '\(fieldNode.string ?? "")' in judge_templates.\(kind) (ignored); expected prompt or system")
                    }
                }
            default:
                throw error(at: value, "expected judge_templates.\(kind) to be the prompt text or a mapping with prompt and system")
            }
            guard let prompt, !prompt.isEmpty else {
                throw error(at: value, "judge_templates.\(kind) has no prompt")
            }
            let missing = required.filter { !prompt.contains($0) }
            guard missing.isEmpty else {
                throw error(at: value, "judge_templates.\(kind) lacks \(missing.joined(separator: ", ")): the judge would not see the question and answers")
            }
            judge.templates.append(JudgeTemplateOverride(kind: kind, prompt: prompt, system: system))
        }
    }
}
