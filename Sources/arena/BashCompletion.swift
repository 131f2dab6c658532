import ArgumentParser

/// The bash completion script, with `arena <Tab>` completing the default subcommand too.
///
/// swift-argument-parser's generated script completes chat's options and their values (model
/// names) only after the word `chat`, although `arena --model-a gpt-4o` means
/// `arena chat --model-a gpt-4o`. This takes the generated script and changes one branch: where
/// the first word is not a subcommand, the words are completed as chat's, and subcommand names
/// are offered only as the first word. Should a newer swift-argument-parser write that branch
/// differently, the script is printed as generated (`ShellCompletionTests` notices).
enum BashCompletion {
    /// Whether `arguments` ask for the bash script (`--generate-completion-script bash`, or `=bash`).
    static func isRequested(by arguments: [String]) -> Bool {
        arguments == ["--generate-completion-script", "bash"] || arguments == ["--generate-completion-script=bash"]
    }

    /// The script, adjusted.
    static func script() -> String {
        adjusted(ArenaCommand.completionScript(for: .bash))
    }

    /// `generated` with the root's fallback branch completing chat's words.
    static func adjusted(_ generated: String) -> String {
        let lines = generated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let rootStart = lines.firstIndex(of: "_arena() {"),
              let fallback = lines[rootStart...].firstIndex(of: "    *)"),
              lines.indices.contains(fallback + 3),
              lines[fallback + 1] == "        # Offer subcommand completions",
              lines[fallback + 2].hasPrefix("        COMPREPLY+=($(compgen -W '"),
              lines[fallback + 3] == "        ;;"
        else { return generated }
        let offerSubcommands = lines[fallback + 2].trimmingPrefix("        ")
        let replacement = [
            "    *)",
            "        # Not a subcommand: the words are the default subcommand's (chat's). Subcommand",
            "        # names only as the first word. (Added by arena to the generated script.)",
            "        COMPREPLY=()",
            "        if [[ \"${COMP_CWORD}\" -eq 1 ]]; then",
            "            " + offerSubcommands,
            "        fi",
            "        unparsed_words=(\"${COMP_WORDS[@]:1:${COMP_CWORD}}\")",
            "        _arena_chat",
            "        ;;",
        ]
        return (lines[..<fallback] + replacement + lines[(fallback + 4)...]).joined(separator: "\n")
    }
}
