import Testing

@testable import ArenaKit

@Suite("Language detection for the FastChat export")
struct LanguageDetectorTests {
    @Test(
        "scripts and function words give FastChat's language names",
        arguments: [
            ("What is the capital of France, and why is it there?", "English"),
            ("¿Cuál es la capital de Francia y por qué está allí?", "Spanish"),
            ("Quelle est la capitale de la France et pourquoi est-elle là ?", "French"),
            ("Was ist die Hauptstadt von Frankreich und warum ist sie dort?", "German"),
            ("Qual é a capital da França e por que ela está lá?", "Portuguese"),
            ("Qual è la capitale della Francia e perché è lì?", "Italian"),
            ("Wat is de hoofdstad van Frankrijk en waarom is het daar?", "Dutch"),
            ("Jaka jest stolica Francji i dlaczego tam jest?", "Polish"),
            ("Fransa'nın başkenti nedir ve neden orada?", "Turkish"),
            ("Thủ đô của nước Pháp là gì và tại sao?", "Vietnamese"),
            ("法国的首都是哪里？为什么？", "Chinese"),
            ("フランスの首都はどこですか？", "Japanese"),
            ("프랑스의 수도는 어디입니까?", "Korean"),
            ("Какая столица Франции и почему она там?", "Russian"),
            ("Яка столиця Франції і чому вона там?", "Ukrainian"),
            ("ما هي عاصمة فرنسا ولماذا هي هناك؟", "Arabic"),
            ("پایتخت فرانسه کجاست و چرا آنجاست؟", "Persian"),
            ("Ποια είναι η πρωτεύουσα της Γαλλίας;", "Greek"),
            ("מהי בירת צרפת?", "Hebrew"),
            ("फ्रांस की राजधानी क्या है?", "Hindi"),
            ("เมืองหลวงของฝรั่งเศสคืออะไร", "Thai"),
        ])
    func languages(text: String, expected: String) {
        #expect(LanguageDetector.language(of: text) == expected)
    }

    @Test("no evidence is unknown: no letters, a bare word, code")
    func unknown() {
        #expect(LanguageDetector.language(of: "") == "unknown")
        #expect(LanguageDetector.language(of: "1234 + 5678 = ?") == "unknown")
        #expect(LanguageDetector.language(of: "Paris") == "unknown")
        #expect(LanguageDetector.language(of: "x = foo(bar)") == "unknown")
    }

    @Test("a FastChat record carries the language of side A's first prompt")
    func recordLanguage() {
        let battle = Battle(
            modelA: "a", modelB: "b", outcome: .tie, anonymous: true, timestamp: .init(timeIntervalSince1970: 0),
            prompt: "Warum ist der Himmel blau?", answerA: "x", answerB: "y")
        #expect(FastChatBattleRecord(battle).language == "German")
    }
}
