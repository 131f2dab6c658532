import Foundation
import Testing
@testable import ArenaKit

/// One `.env` text and the variables python-dotenv 1.2.2 gives for it (`load_dotenv()`'s
/// reading: `DotEnv(stream, override=False).dict()`, bare keys left out), in python-dotenv's
/// order: a redefined name keeps its first place and takes its last value.
struct DotEnvCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expected: [(String, String)]

    init(_ name: String, _ text: String, _ expected: [(String, String)]) {
        self.name = name
        self.text = text
        self.expected = expected
    }

    var testDescription: String { name }

    /// The process environment every case is read with.
    static let process = ["USER_REGION": "eastus", "USER_TOKEN": "tok-123"]

    /// The expected values were produced once by python-dotenv 1.2.2 on these texts with
    /// `process` as the whole environment; `pythonDotEnvAgrees` re-checks them when it can.
    static let table: [DotEnvCase] = [
        DotEnvCase("plain", "A=1\nB=two\n", [("A", "1"), ("B", "two")]),
        DotEnvCase("export prefix", "export A=1\nexport   B=2\n", [("A", "1"), ("B", "2")]),
        DotEnvCase("export as a key", "export=1\nexportX=2\n", [("export", "1"), ("exportX", "2")]),
        DotEnvCase("spaces around =", "A = 1\nB\t=\t2\n", [("A", "1"), ("B", "2")]),
        DotEnvCase("leading whitespace", "  A=1\n\tB=2\n\n\n", [("A", "1"), ("B", "2")]),
        DotEnvCase("comments after whitespace", "A=b #c\nB=b#c\nC=b\t# tab comment\n# D=1\n", [("A", "b"), ("B", "b#c"), ("C", "b")]),
        DotEnvCase("a value that is a comment", "A= #c\nB=\n", [("A", "#c"), ("B", "")]),
        DotEnvCase("hash inside quotes", "A=\"b #c\"\nB='b #c'\n", [("A", "b #c"), ("B", "b #c")]),
        DotEnvCase("comment after a quoted value", "A=\"b\" # c\nB='x'#y\n", [("A", "b"), ("B", "x")]),
        DotEnvCase("single quotes literal", "A='a\\nb\\tc'\n", [("A", "a\\nb\\tc")]),
        DotEnvCase("single quote escapes", "A='it\\'s'\nB='back\\\\slash'\n", [("A", "it's"), ("B", "back\\slash")]),
        DotEnvCase("double quote escapes", "A=\"a\\nb\\tc\\\\d\\\"e\"\n", [("A", "a\nb\tc\\d\"e")]),
        DotEnvCase("control escapes", "A=\"\\a\\b\\f\\r\\v\\'\"\n", [("A", "\u{7}\u{8}\u{C}\r\u{B}'")]),
        DotEnvCase("unknown escapes kept", "A=\"\\x41\\u0041\\q\"\nB=plain\\nraw\n", [("A", "\\x41\\u0041\\q"), ("B", "plain\\nraw")]),
        DotEnvCase("double-quoted over lines", "A=\"line one\nline two\"\nB=after\n", [("A", "line one\nline two"), ("B", "after")]),
        DotEnvCase("single-quoted over lines", "A='one\ntwo'\n", [("A", "one\ntwo")]),
        DotEnvCase("unterminated quote skipped", "A=\"oops\nB=2\n", [("B", "2")]),
        DotEnvCase("escaped closing quote", "A='a\\'\n", [("A", "a\\")]),
        DotEnvCase("text after a quoted value", "A=\"x\" junk\nB=1\n", [("B", "1")]),
        DotEnvCase("expands earlier variables", "A=1\nB=${A}2\n", [("A", "1"), ("B", "12")]),
        DotEnvCase("expands the environment", "R=${USER_REGION}\n", [("R", "eastus")]),
        DotEnvCase("environment before the file", "USER_REGION=west\nR=${USER_REGION}\n", [("USER_REGION", "west"), ("R", "eastus")]),
        DotEnvCase("defaults", "A=${MISSING:-fallback}\nB=${MISSING}\nC=${USER_REGION:-x}\n", [("A", "fallback"), ("B", ""), ("C", "eastus")]),
        DotEnvCase("empty is set", "E=\nA=${E:-d}\n", [("E", ""), ("A", "")]),
        DotEnvCase("bare key", "BARE\nA=${BARE:-d}\n", [("A", "")]),
        DotEnvCase("forms that do not expand", "A=$USER_REGION\nB=${USER_REGION\nC=${A:x}\n", [("A", "$USER_REGION"), ("B", "${USER_REGION"), ("C", "${A:x}")]),
        DotEnvCase("expansion in quotes", "A=\"${USER_REGION}-x\"\nB=\"\\${USER_REGION}\"\nC='${USER_TOKEN}'\n", [("A", "eastus-x"), ("B", "\\eastus"), ("C", "tok-123")]),
        DotEnvCase("redefinition", "A=1\nA=2\nB=${A}\n", [("A", "2"), ("B", "2")]),
        DotEnvCase("forward reference", "B=${A}\nA=1\n", [("B", ""), ("A", "1")]),
        DotEnvCase("quoted key", "'QUOTED KEY'=v\n", [("QUOTED KEY", "v")]),
        DotEnvCase("CRLF", "A=1\r\nB=\"x\r\ny\"\r\nC=3\r\n", [("A", "1"), ("B", "x\r\ny"), ("C", "3")]),
        DotEnvCase("CR", "A=1\rB=2\r", [("A", "1"), ("B", "2")]),
        DotEnvCase("unicode", "GREETING=héllo wörld 🌍\n", [("GREETING", "héllo wörld 🌍")]),
        DotEnvCase("no key", "=x\nA=1\n", [("A", "1")]),
        DotEnvCase("dots and dashes in keys", "my.key-1=v\n", [("my.key-1", "v")]),
        DotEnvCase("trailing whitespace", "A=value   \nB=\"q\"   \n", [("A", "value"), ("B", "q")]),
        DotEnvCase("empty quotes", "A=\"\"\nB=''\n", [("A", ""), ("B", "")]),
        DotEnvCase("hash in a URL", "URL=https://x.example/path#frag\n", [("URL", "https://x.example/path#frag")]),
        DotEnvCase("nested default", "A=${X:-${Y}}\n", [("A", "${Y}")]),
        DotEnvCase("equals in a value", "A=b=c\n", [("A", "b=c")]),
        DotEnvCase("hash line inside quotes", "A=\"x\n# not a comment\ny\"\n", [("A", "x\n# not a comment\ny")]),
        DotEnvCase("no final newline", "A=1\nB=2", [("A", "1"), ("B", "2")]),
        DotEnvCase("notebook file", "# Azure AI arena\nexport MISTRAL_LARGE_ENDPOINT=\"https://mistral-large.eastus2.models.ai.azure.com\"\nMISTRAL_LARGE_KEY = 'abc123'  # from the portal\n\nAZURE_OPENAI_ENDPOINT=https://${RESOURCE:-my-res}.openai.azure.com/\n", [("MISTRAL_LARGE_ENDPOINT", "https://mistral-large.eastus2.models.ai.azure.com"), ("MISTRAL_LARGE_KEY", "abc123"), ("AZURE_OPENAI_ENDPOINT", "https://my-res.openai.azure.com/")]),
    ]
}

/// `.env` files read the way python-dotenv reads them.
@Suite struct DotEnvCompatibilityTests {
    @Test(arguments: DotEnvCase.table)
    func readsAsPythonDotEnvDoes(_ dotEnvCase: DotEnvCase) {
        let entries = DotEnv.parse(dotEnvCase.text, process: DotEnvCase.process)
        let read = Self.pythonOrder(entries.map { ($0.name, $0.value) })
        #expect(read.map(\.0) == dotEnvCase.expected.map(\.0))
        #expect(read.map(\.1) == dotEnvCase.expected.map(\.1))
    }

    @Test(.enabled(if: PythonDotEnv.isAvailable, "skipped: needs python3 with python-dotenv (pip install python-dotenv==1.2.2) to re-check the table"))
    func pythonDotEnvAgrees() throws {
        let results = try PythonDotEnv.read(DotEnvCase.table.map(\.text), process: DotEnvCase.process)
        try #require(results.count == DotEnvCase.table.count)
        for (dotEnvCase, result) in zip(DotEnvCase.table, results) {
            #expect(result.map(\.0) == dotEnvCase.expected.map(\.0), "\(dotEnvCase.name)")
            #expect(result.map(\.1) == dotEnvCase.expected.map(\.1), "\(dotEnvCase.name)")
        }
    }

    @Test func eachVariableKeepsTheLineItsNameStandsOn() {
        let text = "# comment\n\nexport A=\"one\ntwo\nthree\"\n  B = 'x'\r\nC=\"four\r\nfive\"\rD=6\nbroken=\"\nE=7\n"
        let lines = DotEnv.parse(text).map { "\($0.name):\($0.line)" }
        #expect(lines == ["A:3", "B:6", "C:7", "D:9", "E:11"])
    }

    @Test func aValueRemembersTheProcessVariablesItDrewOn() {
        let entries = DotEnv.parse("OWN=x\nMIXED=${OWN}-${USER_TOKEN}\nLATER=${MIXED}\nPLAIN=${OWN}${UNSET:-d}\n", process: DotEnvCase.process)
        #expect(entries.map(\.processVariables) == [[], ["USER_TOKEN"], ["USER_TOKEN"], []])
    }

    /// Entries as python-dotenv's dict: first place, last value.
    static func pythonOrder(_ pairs: [(String, String)]) -> [(String, String)] {
        var order: [String] = []
        var values: [String: String] = [:]
        for (name, value) in pairs {
            if values.updateValue(value, forKey: name) == nil { order.append(name) }
        }
        return order.map { ($0, values[$0] ?? "") }
    }
}

/// python-dotenv run on texts, when python3 has it.
enum PythonDotEnv {
    static let isAvailable: Bool = (try? run(script: "import dotenv", input: Data()).status) == 0

    /// Each text's variables as python-dotenv's `load_dotenv()` reads them with `process` as the
    /// whole environment (bare keys left out), in its order.
    static func read(_ texts: [String], process: [String: String]) throws -> [[(String, String)]] {
        let script = """
            import io, json, os, sys
            from dotenv.main import DotEnv
            request = json.load(sys.stdin)
            os.environ.clear()
            os.environ.update(request["process"])
            results = []
            for text in request["texts"]:
                values = DotEnv(None, stream=io.StringIO(text), override=False).dict()
                results.append([[k, v] for k, v in values.items() if v is not None])
            json.dump(results, sys.stdout)
            """
        let input = try JSONSerialization.data(withJSONObject: ["process": process, "texts": texts])
        let output = try run(script: script, input: input)
        let decoded = try JSONSerialization.jsonObject(with: output.stdout) as? [[[String]]] ?? []
        return decoded.map { $0.map { ($0[0], $0[1]) } }
    }

    private static func run(script: String, input: Data) throws -> (stdout: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let standardInput = Pipe()
        let standardOutput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = FileHandle.nullDevice
        try process.run()
        standardInput.fileHandleForWriting.write(input)
        try standardInput.fileHandleForWriting.close()
        let data = standardOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (data, process.terminationStatus)
    }
}
