import Testing

@testable import OnegoCatalog

@Suite struct CreditCodeTests {
    @Test(arguments: ["91350100M000100Y43", "11440188MB2C9023XA", "12440100455858116E"])
    func acceptsValidCodes(_ code: String) {
        #expect(CreditCode(code).validate() == nil)
    }

    @Test func rejectsAWrongCheckCharacterAndSaysWhichIsExpected() {
        #expect(CreditCode("91350100M000100Y4Z").validate() == .checkCharacter(expected: "3", found: "Z"))
    }

    @Test func rejectsLettersOutsideTheAlphabet() {
        // I, O, Z, S and V are not in the GB 32100 alphabet.
        #expect(CreditCode("9135010OM000100Y43").validate() == .character("O", position: 8))
    }

    @Test(arguments: ["", "91350100M000100Y4", "91350100M000100Y433"])
    func rejectsWrongLengths(_ code: String) {
        #expect(CreditCode(code).validate() == .length(code.count))
    }

    @Test func mapsLettersByTheirPositionInTheAlphabetNotByASCII() {
        // 'Y' is value 30 in GB 32100's alphabet; ord('Y') - 55 would give 34.
        #expect(CreditCode.checkCharacter(for: Array("91350100M000100Y4".utf8)) == "3")
    }

    @Test func messagesAreChinese() {
        #expect(CreditCode("91350100M000100Y4Z").validate()?.description == "校验码应为“3”，实为“Z”")
    }
}

@Suite struct TimeLimitTests {
    @Test func comparesClockUnitsAcrossUnitsButNotDayKinds() {
        #expect(TimeLimit(2, .hours).compare(to: TimeLimit(90, .minutes)) == .descending)
        #expect(TimeLimit(5, .workingDays).compare(to: TimeLimit(5, .workingDays)) == .same)
        #expect(TimeLimit(5, .workingDays).compare(to: TimeLimit(7, .naturalDays)) == nil)
    }

    @Test func describesItselfInChinese() {
        #expect(TimeLimit(0.5, .workingDays).description == "0.5个工作日")
        #expect(TimeLimit(20, .workingDays).description == "20个工作日")
        #expect(TimeLimit(2, .hours).description == "2小时")
    }
}

@Suite struct RegionCodeTests {
    @Test(arguments: [("440188", true), ("440188001002", true), ("44018", false), ("990188", false), ("44O188", false)])
    func checksShape(_ code: String, _ valid: Bool) {
        #expect(RegionCode(code).isWellFormed == valid)
    }
}

@Suite struct CreditCodeCharacterTests {
    @Test func fullWidthLetterIsNamedAsTheWrongCharacter() {
        #expect(CreditCode("91350100Ｍ000100Y43").validate() == .character("Ｍ", position: 9))
    }
}

/// The byte-level fast path agrees with the character-level check on every byte and on generated codes.
@Suite struct CreditCodeFastPathTests {
    @Test func alphabetValuesMatchPositionsInTheAlphabetForEveryByte() {
        for byte in UInt8.min...UInt8.max {
            let expected = CreditCode.alphabet.firstIndex(of: byte) ?? -1
            #expect(CreditCode.alphabetValue(byte) == expected, "byte \(byte)")
        }
    }

    @Test func fastPathAcceptsExactlyTheCodesWithTheRightCheckCharacter() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let prefix = (0..<17).map { _ in CreditCode.alphabet.randomElement(using: &generator)! }
            let check = CreditCode.checkCharacter(for: prefix)!
            let good = String(decoding: prefix, as: UTF8.self) + String(check)
            #expect(CreditCode.isValidASCII(good))
            #expect(CreditCode(good).validate() == nil)
            let wrong = CreditCode.alphabet.first { Character(Unicode.Scalar($0)) != check }!
            let bad = String(decoding: prefix + [wrong], as: UTF8.self)
            #expect(!CreditCode.isValidASCII(bad))
            let found = Character(Unicode.Scalar(wrong))
            #expect(CreditCode(bad).validate() == .checkCharacter(expected: check, found: found))
        }
    }
}
