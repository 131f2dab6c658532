/// How many terminal cells text takes: two for East Asian wide characters and emoji, none for
/// combining marks and other zero-width characters, one otherwise.
///
/// Widths are measured per grapheme cluster (a Swift `Character`), so an emoji ZWJ sequence, a
/// flag or a letter with combining accents counts as what the terminal draws, not as the sum of
/// its scalars. Control characters must be removed first (see ``TextSanitizer``).
enum DisplayWidth {
    /// The cells taken by one character.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        if scalars.count > 1 {
            var regionalIndicators = 0
            for scalar in scalars {
                if scalar.value == 0xFE0F, first.properties.isEmoji { return 2 }
                if scalar.value == 0x200D, first.properties.isEmoji { return 2 }
                if (0x1F3FB...0x1F3FF).contains(scalar.value) { return 2 }
                if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
            }
            if regionalIndicators >= 2 { return 2 }
        }
        return of(first)
    }

    /// The cells taken by one scalar standing alone.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return value == 0xAD ? 1 : 1 }
        if contains(WidthTables.zero, value) { return 0 }
        if contains(WidthTables.wide, value) { return 2 }
        return 1
    }

    /// The cells taken by a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII (most of what models write) is one cell a byte: no grapheme breaking.
        var ascii = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return ascii + measured(text.utf8, from: ascii) }
            ascii += 1
        }
        return ascii
    }

    /// The cells of `utf8` from byte `start` (a character boundary: the bytes before it are
    /// printable ASCII): the sum of its scalars' widths when every scalar stands alone as a
    /// character of its own width, else measured per grapheme cluster.
    private static func measured(_ utf8: some Collection<UInt8>, from start: Int) -> Int {
        // Start one byte early: a combining mark after the last ASCII letter belongs to its
        // cluster, which the letter's one cell already counts.
        let back = max(0, start - 1)
        let text = String(decoding: utf8.dropFirst(back), as: UTF8.self)
        let counted = back < start ? 1 : 0
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x7F {
                width += value < 0x20 ? 0 : 1
                continue
            }
            let scalarWidth = of(scalar)
            // What can join a cluster (marks, joiners, selectors, modifiers, flags): clusters.
            guard scalarWidth > 0, value != 0x200D, !(0xFE00...0xFE0F).contains(value),
                  !(0x1F3FB...0x1F3FF).contains(value), !(0x1F1E6...0x1F1FF).contains(value),
                  !(0x1160...0x11FF).contains(value) else {
                return graphemeWidth(text) - counted
            }
            width += scalarWidth
        }
        return width - counted
    }

    private static func graphemeWidth(_ text: String) -> Int {
        var width = 0
        for character in text {
            width += of(character)
        }
        return width
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        if value < table[0].lowerBound || value > table[high].upperBound { return false }
        while low <= high {
            let middle = (low + high) / 2
            let range = table[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension String {
    /// The string cut to at most `width` cells, never splitting a character.
    func prefix(cells width: Int) -> (text: String, width: Int) {
        var result = ""
        var used = 0
        for character in self {
            let cells = DisplayWidth.of(character)
            if used + cells > width { break }
            result.append(character)
            used += cells
        }
        return (result, used)
    }
}
