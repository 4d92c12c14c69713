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

    @Test func splitsListsAndKeepsWhatIsNotANumber() {
        let (numbers, rest) = PhoneNumber.parseList("020-84469270、020-84469702；请咨询窗口")
        #expect(numbers.map(\.number) == ["020-84469270", "020-84469702"])
        #expect(rest == ["请咨询窗口"])
    }
}
