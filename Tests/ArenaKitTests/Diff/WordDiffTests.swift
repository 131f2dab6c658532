import Testing

@testable import ArenaKit

@Suite("Word diff")
struct WordDiffTests {
    /// The old text is the equal and deleted segments; the new text the equal and inserted.
    func reconstructs(_ segments: [DiffSegment], _ old: String, _ new: String) -> Bool {
        let oldText = segments.filter { $0.kind != .inserted }.map(\.text).joined()
        let newText = segments.filter { $0.kind != .deleted }.map(\.text).joined()
        return oldText == old && newText == new
    }

    @Test("identical texts are one equal segment")
    func identical() {
        let text = "The quick brown fox\njumps over the lazy dog."
        #expect(WordDiff.segments(from: text, to: text) == [DiffSegment(kind: .equal, text: text)])
        #expect(WordDiff.plain(from: text, to: text) == text)
        #expect(WordDiff.segments(from: "", to: "").isEmpty)
    }

    @Test("completely different texts are one deletion and one insertion")
    func allDifferent() {
        let segments = WordDiff.segments(from: "alpha beta gamma", to: "one two three")
        #expect(segments == [DiffSegment(kind: .deleted, text: "alpha beta gamma"), DiffSegment(kind: .inserted, text: "one two three")])
        #expect(WordDiff.renderPlain(segments) == "[-alpha beta gamma-]{+one two three+}")
        #expect(WordDiff.plain(from: "", to: "new") == "{+new+}")
        #expect(WordDiff.plain(from: "old", to: "") == "[-old-]")
    }

    @Test("insertions")
    func insertions() {
        #expect(WordDiff.plain(from: "the fox", to: "the quick fox") == "the {+quick +}fox")
        #expect(WordDiff.plain(from: "a b", to: "a b c") == "a b{+ c+}")
        #expect(WordDiff.plain(from: "world", to: "hello world") == "{+hello +}world")
    }

    @Test("deletions")
    func deletions() {
        #expect(WordDiff.plain(from: "the very quick fox", to: "the quick fox") == "the [-very -]quick fox")
        #expect(WordDiff.plain(from: "Yes, indeed.", to: "Yes.") == "Yes[-, indeed-].")
    }

    @Test("replacements put the deletion before the insertion")
    func replacements() {
        let segments = WordDiff.segments(from: "I like red apples.", to: "I like green pears.")
        #expect(WordDiff.renderPlain(segments) == "I like [-red apples-]{+green pears+}.")
        #expect(reconstructs(segments, "I like red apples.", "I like green pears."))
        #expect(zip(segments, segments.dropFirst()).allSatisfy { $0.kind != $1.kind })
    }

    @Test("punctuation and whitespace are their own tokens")
    func tokens() {
        #expect(WordTokenizer.tokens("Hi, you  there!\n") == ["Hi", ",", " ", "you", "  ", "there", "!", "\n"])
        #expect(WordDiff.plain(from: "a  b", to: "a b") == "a[-  -]{+ +}b")
    }

    @Test("unicode: accents, emoji, CJK and combining marks stay whole")
    func unicode() {
        #expect(WordDiff.plain(from: "café au lait", to: "café noir") == "café [-au lait-]{+noir+}")
        #expect(WordDiff.plain(from: "thumbs 👍🏽 up", to: "thumbs 👎 up") == "thumbs [-👍🏽-]{+👎+} up")
        #expect(WordDiff.plain(from: "我喜欢猫", to: "我喜欢狗") == "我喜欢[-猫-]{+狗+}")
        let combining = "e\u{301}te\u{301}"  // "été" with combining accents
        #expect(WordDiff.plain(from: combining + " chaud", to: combining + " froid") == combining + " [-chaud-]{+froid+}")
        #expect(WordTokenizer.tokens("👨‍👩‍👧 ok") == ["👨‍👩‍👧", " ", "ok"])
    }

    @Test("answers of thousands of words diff correctly")
    func large() {
        var generator = RatingsTestGenerator(seed: 5)
        let vocabulary = (0..<300).map { "w\($0)" }
        let old = (0..<3000).map { _ in vocabulary.randomElement(using: &generator)! }
        var new = old
        for _ in 0..<300 {
            let index = Int.random(in: 0..<new.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: new.remove(at: index)
            case 1: new.insert("new\(index)", at: index)
            default: new[index] = "changed"
            }
        }
        let oldText = old.joined(separator: " ")
        let newText = new.joined(separator: " ")
        let segments = WordDiff.segments(from: oldText, to: newText)
        #expect(reconstructs(segments, oldText, newText))
        let unchanged = segments.filter { $0.kind == .equal }.map(\.text).joined()
        #expect(unchanged.count > oldText.count * 3 / 4)

        let unrelated = (0..<3000).map { _ in "z" + vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
        #expect(reconstructs(WordDiff.segments(from: oldText, to: unrelated), oldText, unrelated))
    }

    @Test("Myers finds a shortest edit script (checked against LCS by dynamic programming)")
    func optimality() {
        var generator = RatingsTestGenerator(seed: 17)
        for round in 0..<400 {
            // Small alphabets give long common subsequences; larger ones leave tokens that occur
            // on one side only, which the diff sets aside before the search.
            let alphabet = [2, 4, 8, 16][round % 4]
            let old = (0..<Int.random(in: 0..<25, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            let new = (0..<Int.random(in: 0..<25, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            let operations = MyersDiff(old: old, new: new).operations
            var oldIndex = 0
            var newIndex = 0
            var rebuiltOld: [Int] = []
            var rebuiltNew: [Int] = []
            var kept = 0
            for operation in operations {
                switch operation {
                case .equal(let count):
                    #expect(Array(old[oldIndex..<oldIndex + count]) == Array(new[newIndex..<newIndex + count]))
                    rebuiltOld += old[oldIndex..<oldIndex + count]
                    rebuiltNew += new[newIndex..<newIndex + count]
                    oldIndex += count
                    newIndex += count
                    kept += count
                case .delete(let count):
                    rebuiltOld += old[oldIndex..<oldIndex + count]
                    oldIndex += count
                case .insert(let count):
                    rebuiltNew += new[newIndex..<newIndex + count]
                    newIndex += count
                }
            }
            #expect(rebuiltOld == old && rebuiltNew == new)
            #expect(kept == Self.lcsLength(old, new), "\(old) → \(new)")
        }
    }

    static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
