/// Myers' O(ND) difference algorithm in linear space (the middle-snake bisection), over
/// sequences of integer token ids. Produces a shortest edit script: the longest common
/// subsequence is kept as equal.
///
/// Tokens that occur in only one of the sequences can never be part of the common
/// subsequence, so they are set aside first (as GNU diff does with unmatchable lines) and
/// re-inserted as deletions or insertions afterwards. The script stays optimal, and texts that
/// share little cost little.
struct MyersDiff {
    enum Operation: Equatable {
        case equal(Int)
        case insert(Int)
        case delete(Int)
    }

    private let old: [Int]
    private let new: [Int]
    private(set) var operations: [Operation] = []

    /// Diffs `old` against `new`; read `operations` for the edit script, in order. Counts are
    /// in tokens and adjacent operations of the same kind are merged.
    init(old: [Int], new: [Int]) {
        let largest = max(old.max() ?? 0, new.max() ?? 0)
        var inOld = [Bool](repeating: false, count: largest + 1)
        var inNew = [Bool](repeating: false, count: largest + 1)
        for token in old { inOld[token] = true }
        for token in new { inNew[token] = true }
        let keptOld = old.indices.filter { inNew[old[$0]] }
        let keptNew = new.indices.filter { inOld[new[$0]] }
        self.old = keptOld.map { old[$0] }
        self.new = keptNew.map { new[$0] }
        diff(0, self.old.count, 0, self.new.count)
        if keptOld.count != old.count || keptNew.count != new.count {
            operations = Self.restoringUnmatched(operations, keptOld, keptNew, old.count, new.count)
        }
    }

    /// Maps a script over the kept tokens back onto the full sequences: the set-aside tokens
    /// before each kept one become deletions (old) or insertions (new).
    private static func restoringUnmatched(
        _ filtered: [Operation],
        _ keptOld: [Int],
        _ keptNew: [Int],
        _ oldCount: Int,
        _ newCount: Int
    ) -> [Operation] {
        var result = MyersDiff(merging: [])
        var oldPosition = 0  // next original old index to emit
        var newPosition = 0
        var keptOldIndex = 0  // next kept old token
        var keptNewIndex = 0
        func skipToOld(_ target: Int) {
            if target > oldPosition { result.emit(.delete(target - oldPosition)) }
            oldPosition = target
        }
        func skipToNew(_ target: Int) {
            if target > newPosition { result.emit(.insert(target - newPosition)) }
            newPosition = target
        }
        for operation in filtered {
            switch operation {
            case .equal(let count):
                for _ in 0..<count {
                    skipToOld(keptOld[keptOldIndex])
                    skipToNew(keptNew[keptNewIndex])
                    result.emit(.equal(1))
                    oldPosition += 1
                    newPosition += 1
                    keptOldIndex += 1
                    keptNewIndex += 1
                }
            case .delete(let count):
                let last = keptOld[keptOldIndex + count - 1]
                skipToOld(last + 1)
                keptOldIndex += count
            case .insert(let count):
                let last = keptNew[keptNewIndex + count - 1]
                skipToNew(last + 1)
                keptNewIndex += count
            }
        }
        skipToOld(oldCount)
        skipToNew(newCount)
        return result.operations
    }

    /// An empty diff used only to merge operations with `emit`.
    private init(merging operations: [Operation]) {
        self.old = []
        self.new = []
        self.operations = operations
    }

    private mutating func emit(_ operation: Operation) {
        switch (operations.last, operation) {
        case (.equal(let a)?, .equal(let b)): operations[operations.count - 1] = .equal(a + b)
        case (.insert(let a)?, .insert(let b)): operations[operations.count - 1] = .insert(a + b)
        case (.delete(let a)?, .delete(let b)): operations[operations.count - 1] = .delete(a + b)
        default: operations.append(operation)
        }
    }

    /// Diffs `old[oldStart..<oldEnd]` against `new[newStart..<newEnd]`.
    private mutating func diff(_ oldStart: Int, _ oldEnd: Int, _ newStart: Int, _ newEnd: Int) {
        var oldStart = oldStart
        var newStart = newStart
        var oldEnd = oldEnd
        var newEnd = newEnd
        var prefix = 0
        while oldStart < oldEnd, newStart < newEnd, old[oldStart] == new[newStart] {
            oldStart += 1
            newStart += 1
            prefix += 1
        }
        var suffix = 0
        while oldStart < oldEnd, newStart < newEnd, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
            suffix += 1
        }
        if prefix > 0 { emit(.equal(prefix)) }
        if oldStart == oldEnd {
            if newEnd > newStart { emit(.insert(newEnd - newStart)) }
        } else if newStart == newEnd {
            emit(.delete(oldEnd - oldStart))
        } else if let (x, y) = middleSnake(oldStart, oldEnd, newStart, newEnd) {
            diff(oldStart, x, newStart, y)
            diff(x, oldEnd, y, newEnd)
        } else {
            emit(.delete(oldEnd - oldStart))
            emit(.insert(newEnd - newStart))
        }
        if suffix > 0 { emit(.equal(suffix)) }
    }

    /// Finds a point (x, y) on an optimal edit path through the middle of the two ranges, by
    /// running the greedy search forwards from the start and backwards from the end until the
    /// two frontiers overlap. Nil only if the ranges have nothing in common.
    private func middleSnake(_ oldStart: Int, _ oldEnd: Int, _ newStart: Int, _ newEnd: Int) -> (Int, Int)? {
        let oldLength = oldEnd - oldStart
        let newLength = newEnd - newStart
        let maxD = (oldLength + newLength + 1) / 2
        let offset = maxD + 1
        let size = 2 * maxD + 3
        var forward = [Int](repeating: -1, count: size)
        var backward = [Int](repeating: -1, count: size)
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = oldLength - newLength
        let checkOnForward = delta % 2 != 0
        var forwardStartTrim = 0
        var forwardEndTrim = 0
        var backwardStartTrim = 0
        var backwardEndTrim = 0

        for d in 0..<maxD {
            // Forward search along diagonals k = x − y.
            for k in stride(from: -d + forwardStartTrim, through: d - forwardEndTrim, by: 2) {
                let kIndex = offset + k
                var x: Int
                if k == -d || (k != d && forward[kIndex - 1] < forward[kIndex + 1]) {
                    x = forward[kIndex + 1]
                } else {
                    x = forward[kIndex - 1] + 1
                }
                var y = x - k
                while x < oldLength, y < newLength, old[oldStart + x] == new[newStart + y] {
                    x += 1
                    y += 1
                }
                forward[kIndex] = x
                if x > oldLength {
                    forwardEndTrim += 2
                } else if y > newLength {
                    forwardStartTrim += 2
                } else if checkOnForward {
                    let reverseIndex = offset + delta - k
                    if reverseIndex >= 0, reverseIndex < size, backward[reverseIndex] != -1 {
                        if x >= oldLength - backward[reverseIndex] {
                            return (oldStart + x, newStart + y)
                        }
                    }
                }
            }
            // Backward search, measured from the ends.
            for k in stride(from: -d + backwardStartTrim, through: d - backwardEndTrim, by: 2) {
                let kIndex = offset + k
                var x: Int
                if k == -d || (k != d && backward[kIndex - 1] < backward[kIndex + 1]) {
                    x = backward[kIndex + 1]
                } else {
                    x = backward[kIndex - 1] + 1
                }
                var y = x - k
                while x < oldLength, y < newLength,
                    old[oldEnd - 1 - x] == new[newEnd - 1 - y]
                {
                    x += 1
                    y += 1
                }
                backward[kIndex] = x
                if x > oldLength {
                    backwardEndTrim += 2
                } else if y > newLength {
                    backwardStartTrim += 2
                } else if !checkOnForward {
                    let forwardIndex = offset + delta - k
                    if forwardIndex >= 0, forwardIndex < size, forward[forwardIndex] != -1 {
                        let forwardX = forward[forwardIndex]
                        let forwardY = forwardX - (forwardIndex - offset)
                        if forwardX >= oldLength - x {
                            return (oldStart + forwardX, newStart + forwardY)
                        }
                    }
                }
            }
        }
        return nil
    }
}
