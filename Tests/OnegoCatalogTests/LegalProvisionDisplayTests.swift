import OnegoCatalog
import Testing

/// A provision prints as its citation, with its text after a colon unless the text only repeats the citation.
@Suite struct LegalProvisionDisplayTests {
    @Test func printsTheTextBesideTheCitationOnce() {
        let law = "中华人民共和国食品安全法"
        #expect(LegalProvision(law: law, article: "第三十五条").display == "《中华人民共和国食品安全法》第三十五条")
        #expect(
            LegalProvision(law: law, article: "第三十五条", text: "《中华人民共和国食品安全法》第三十五条").display
                == "《中华人民共和国食品安全法》第三十五条")
        #expect(
            LegalProvision(law: law, article: "第三十五条", text: "国家对食品生产经营实行许可制度。").display
                == "《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。")
        #expect(LegalProvision(law: law, text: " ").display == "《中华人民共和国食品安全法》")
    }
}
