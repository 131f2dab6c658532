/// Guesses the language of a prompt for FastChat's `language` field, by the names FastChat's
/// own detector (polyglot) uses: "English", "Spanish", "Chinese", …, or "unknown".
///
/// A small, honest detector: letters are counted by Unicode script, and the script with the
/// most letters decides (Han with kana is Japanese, Han alone Chinese, Hangul Korean, Cyrillic
/// Russian or Ukrainian, Arabic script Arabic or Persian, and Greek, Hebrew, Devanagari (Hindi)
/// and Thai). Latin script is told apart by counting common function words of English,
/// Spanish, French, German, Portuguese, Italian, Dutch, Polish and Turkish; Vietnamese by its
/// tone-marked letters. Its limits: it knows only these languages; a Latin-script text
/// without any of those words (a bare name, code) is "unknown", as is a tie
/// between two languages; very short or mixed-language prompts can be misjudged.
enum LanguageDetector {
    /// The language name for `text`, or "unknown".
    static func language(of text: String) -> String {
        var counts: [Script: Int] = [:]
        var vietnameseLetters = 0
        for scalar in text.unicodeScalars {
            guard let script = Script(scalar) else { continue }
            counts[script, default: 0] += 1
            if script == .latin, isVietnameseLetter(scalar) { vietnameseLetters += 1 }
        }
        guard let (script, _) = counts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else {
            return unknown
        }
        switch script {
        case .han: return (counts[.kana] ?? 0) > 0 ? "Japanese" : "Chinese"
        case .kana: return "Japanese"
        case .hangul: return "Korean"
        case .cyrillic: return text.unicodeScalars.contains { "іїєґІЇЄҐ".unicodeScalars.contains($0) } ? "Ukrainian" : "Russian"
        case .arabic: return text.unicodeScalars.contains { "پچژگ".unicodeScalars.contains($0) } ? "Persian" : "Arabic"
        case .greek: return "Greek"
        case .hebrew: return "Hebrew"
        case .devanagari: return "Hindi"
        case .thai: return "Thai"
        case .latin: return vietnameseLetters >= 2 ? "Vietnamese" : latinLanguage(of: text)
        }
    }

    /// FastChat's name for a language it could not tell.
    static let unknown = "unknown"

    /// The Latin-script language whose function words occur most often; "unknown" when none
    /// occurs or two languages tie.
    private static func latinLanguage(of text: String) -> String {
        var scores: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            for (language, words) in functionWords where words.contains(String(word)) {
                scores[language, default: 0] += 1
            }
        }
        let ranked = scores.sorted { $0.value > $1.value }
        guard let best = ranked.first else { return unknown }
        if ranked.count > 1, ranked[1].value == best.value { return unknown }
        return best.key
    }

    private static func isVietnameseLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x1EA0...0x1EF9).contains(scalar.value) || "ơưđăƠƯĐĂ".unicodeScalars.contains(scalar)
    }

    /// Frequent short words of each Latin-script language (words shared by several languages
    /// count for each of them).
    private static let functionWords: [(String, Set<String>)] = [
        ("English", ["the", "and", "is", "are", "was", "were", "of", "that", "it", "you", "what", "how", "why", "with", "for", "this", "be", "not", "on", "have", "has", "does", "can", "my", "your", "please", "write", "explain", "hello", "thanks", "which", "when", "who", "an", "would", "should", "will", "me"]),
        ("Spanish", ["el", "los", "las", "y", "es", "una", "por", "para", "con", "del", "al", "lo", "como", "qué", "cómo", "más", "pero", "está", "hola", "gracias", "porque", "muy", "yo", "tu", "cuál", "dónde", "explica", "escribe"]),
        ("French", ["le", "les", "des", "est", "et", "une", "du", "dans", "pour", "qui", "pas", "ne", "sur", "avec", "ce", "cette", "je", "vous", "nous", "il", "elle", "sont", "au", "aux", "bonjour", "merci", "comment", "pourquoi", "quoi", "quel", "quelle"]),
        ("German", ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von", "sich", "auf", "für", "ich", "sie", "es", "wie", "was", "warum", "bitte", "danke", "hallo", "auch", "noch", "dem", "im", "wir", "sind", "welche", "erkläre", "schreibe"]),
        ("Portuguese", ["os", "um", "uma", "não", "é", "em", "do", "da", "dos", "das", "para", "com", "por", "mais", "você", "olá", "obrigado", "obrigada", "como", "porque", "também", "está", "são", "isso", "qual", "explique", "escreva"]),
        ("Italian", ["il", "gli", "di", "che", "è", "un", "una", "non", "per", "sono", "della", "del", "nel", "questo", "questa", "come", "perché", "ciao", "grazie", "anche", "mi", "cosa", "quale", "spiega", "scrivi"]),
        ("Dutch", ["het", "een", "en", "van", "niet", "dat", "ik", "je", "op", "te", "zijn", "met", "voor", "wat", "hoe", "waarom", "hallo", "bedankt", "ook", "maar", "er", "wij", "welke", "leg", "schrijf"]),
        ("Polish", ["w", "nie", "się", "na", "jest", "że", "z", "jak", "co", "czy", "dlaczego", "dzień", "dobry", "proszę", "dziękuję", "są", "ale", "jestem", "tak", "który", "która", "wyjaśnij", "napisz"]),
        ("Turkish", ["ve", "bir", "bu", "ne", "için", "ile", "mi", "nasıl", "neden", "merhaba", "teşekkür", "evet", "hayır", "çok", "var", "yok", "nedir", "açıkla", "yaz"]),
    ]

    /// The scripts the detector tells apart.
    private enum Script: Int, Hashable {
        case latin, han, kana, hangul, cyrillic, arabic, greek, hebrew, devanagari, thai

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF:
                guard scalar.properties.isAlphabetic else { return nil }
                self = .latin
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: self = .han
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
            case 0x0400...0x04FF: self = .cyrillic
            case 0x0600...0x06FF, 0x0750...0x077F: self = .arabic
            case 0x0370...0x03FF: self = .greek
            case 0x0590...0x05FF: self = .hebrew
            case 0x0900...0x097F: self = .devanagari
            case 0x0E00...0x0E7F: self = .thai
            default: return nil
            }
        }
    }
}
