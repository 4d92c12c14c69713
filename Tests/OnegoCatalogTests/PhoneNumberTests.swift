import OnegoCatalog
import Testing

@Suite struct PhoneNumberTests {
    @Test(
        arguments: [
            ("020-38356454转1", "020-38356454", "1", false),
            ("（0662）3681111", "0662-3681111", nil, false),
            ("(8620) 81218888", "020-81218888", nil, false),
            ("020-87300569-825", "020-87300569", "825", false),
            ("12345", "12345", nil, true),
            ("12366", "12366", nil, true),
            ("95598", "95598", nil, true),
        ] as [(String, String, String?, Bool)])
    func parsesPublishedForms(text: String, number: String, extensionNumber: String?, isHotline: Bool) throws {
        let parsed = try #require(PhoneNumber.parse(text))
        #expect(parsed.number == number)
        #expect(parsed.extensionNumber == extensionNumber)
        #expect(parsed.isHotline == isHotline)
    }

    /// Office hours in brackets after a number (with separators of their own) are a note, not a number and not a
    /// reason to lose the number; an extension in brackets stays the number's; digits alone in brackets are not a
    /// note.
    @Test func bracketsAfterANumberAreANoteOrItsExtension() {
        let hours = PhoneNumber.parseList("020-12345678（工作日9:00-12:00，14:00-17:00）、12345")
        #expect(hours.numbers.map(\.number) == ["020-12345678", "12345"])
        #expect(hours.rest == ["(工作日9:00-12:00，14:00-17:00)"])
        let extensionInBrackets = PhoneNumber.parseList("020-87300569（转801）")
        #expect(extensionInBrackets.numbers == [PhoneNumber(number: "020-87300569", extensionNumber: "801")])
        #expect(extensionInBrackets.rest.isEmpty)
        #expect(PhoneNumber.parseList("3681111(0662)").numbers.isEmpty)
        #expect(PhoneNumber.parseList("（0662）3681111").numbers.map(\.number) == ["0662-3681111"])
    }

    @Test func splitsListsAndKeepsWhatIsNotANumber() {
        let (numbers, rest) = PhoneNumber.parseList("020-84469270、020-84469702；请咨询窗口")
        #expect(numbers.map(\.number) == ["020-84469270", "020-84469702"])
        #expect(rest == ["请咨询窗口"])
    }
}
