/// Answers written the way chat models write them, for the Markdown tests.
enum MarkdownSamples {
    static let all: [String] = [howTo, comparison, nested, quoteAndRules, setext, looseList, codeInList, edgeCases]

    static let howTo = """
    ## Installing the tool

    You can install it with **Homebrew** or from *source*. The `--prefix` flag picks the folder.

    1. Download the archive from [the releases page](https://example.com/releases).
    2. Unpack it:
       ```bash
       tar xzf tool.tar.gz && cd tool && ./configure --prefix=/usr/local --enable-everything-you-could-ever-want
       ```
    3. Run `make install`.

    > **Note:** on macOS you may need `sudo`.

    ---

    That's it!
    """

    static let comparison = """
    # Comparison

    Here is how the three compare:

    | Language | Typing | Speed | Notes |
    |----------|:------:|------:|-------|
    | Swift | static | fast | great for **apps** |
    | Python | dynamic | slow | `pip` everywhere |
    | Rust | static | fastest | borrow checker |

    In short: ~~none~~ all of them are fine.
    """

    static let nested = """
    ### Steps
    - First level item that is long enough to wrap around the column at least once or twice
      - Second level, also rather long so that its hanging indent can be seen clearly here
        - Third level
    - Back to the first level
    * A new list with another marker
    + And a third
    """

    static let quoteAndRules = """
    > A quoted line
    > that continues here
    lazily continued.

    ***

    Paragraph after a rule.
    ___
    """

    static let setext = """
    Title Here
    ==========

    Subtitle
    --------
    Some text under it.
    """

    static let looseList = """
    - item one

    - item two

      continued paragraph inside item two

    Back to the top level.
    """

    static let codeInList = """
    Steps:

    1. Write the file:

       ```swift
       func greet() {
           print("hi")
       }
       ```

    2. Build it.

    ~~~
    plain fence
    ~~~
    """

    static let edgeCases = """
    #Not a heading
    #### Heading four ####
    snake_case_name and 2*3*4 are not emphasis.

        indented code
        second line

    Text with a <https://example.com/auto> link.
    """
}
