import Testing

@testable import OnegoCatalog

/// The loader and the audit compare every item's 实施编码 with the one its body's USCC, level and 基本编码 give, in
/// place; the comparison must agree with building the expected code and comparing strings.
@Suite struct ImplementationCodeMatchTests {
    static let credit = CreditCode("11440188MB2C9023XA")
    static let basic = "000117001000"

    @Test(arguments: [
        ("11440188MB2C9023XA4000117001000", true),
        ("11440188MB2C9023XA3000117001000", false),  // another level
        ("11440188MB2C9023XB4000117001000", false),  // another body
        ("11440188MB2C9023XA4000117001001", false),  // another basic code
        ("11440188MB2C9023XA400011700100", false),  // one digit short
        ("11440188MB2C9023XA40001170010000", false),  // one digit more
        ("", false),
        ("11440188MB2C9023XA4０00117001000", false),  // a full-width digit
    ])
    func matchesTheBuiltCodeExactly(code: String, expected: Bool) {
        #expect(
            ItemCodes.isExpectedImplementationCode(code, creditCode: Self.credit, level: .county, basic: Self.basic)
                == expected)
        let built = ItemCodes.expectedImplementationCode(creditCode: Self.credit, level: .county, basic: Self.basic)
        #expect((built == code) == expected)
    }

    @Test(arguments: Level.allCases)
    func readsEveryLevelAsItsDigit(level: Level) {
        let built = ItemCodes.expectedImplementationCode(creditCode: Self.credit, level: level, basic: Self.basic)
        #expect(ItemCodes.isExpectedImplementationCode(built, creditCode: Self.credit, level: level, basic: Self.basic))
    }
}
