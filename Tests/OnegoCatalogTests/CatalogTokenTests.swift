import Testing

@testable import OnegoCatalog

/// Code-list tokens matched against attribute and text bytes (by length and first word, then the rest): every token
/// of every list, with white space around it; no token with one byte changed, cut or lengthened.
@Suite struct CatalogTokenTests {
    private func parse<T: CatalogToken>(_ text: [UInt8], as type: T.Type) -> T? {
        text.withUnsafeBufferPointer { T.parse($0) }
    }

    private func check<T: CatalogToken & Equatable>(_ type: T.Type) {
        for token in T.allCases {
            let bytes = Array(token.rawValue.utf8)
            #expect(parse(bytes, as: T.self) == token)
            #expect(parse(Array(" \t".utf8) + bytes + Array("\n".utf8), as: T.self) == token)
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                let other = T.allCases.first { Array($0.rawValue.utf8) == changed }
                #expect(parse(changed, as: T.self) == other, "\(token.rawValue) byte \(index)")
            }
            let shorter = Array(bytes.dropLast())
            #expect(parse(shorter, as: T.self) == T.allCases.first { Array($0.rawValue.utf8) == shorter })
            #expect(parse(bytes + [0x41], as: T.self) == nil)
        }
        #expect(parse([], as: T.self) == nil)
    }

    @Test func everyTokenOfEveryListIsFoundAndNoNearMiss() {
        check(TimeUnit.self)
        check(HandlingKind.self)
        check(BodyNature.self)
        check(VenueState.self)
        check(ServiceObject.self)
        check(HandlingForm.self)
        check(CrossScope.self)
        check(CrossMode.self)
        check(MaterialForm.self)
        check(Necessity.self)
        check(ResultType.self)
        check(SpecialProcedureKind.self)
    }

    @Test func headsPackTheFirstEightBytes() {
        for count in 0...12 {
            let bytes = (0..<count).map { UInt8(0x30 + $0) }
            let head = bytes.withUnsafeBufferPointer { packedHead($0.baseAddress, count: count) }
            var expected: UInt64 = 0
            for (index, byte) in bytes.prefix(8).enumerated() { expected |= UInt64(byte) << UInt64(8 * index) }
            #expect(head == expected, "\(count) bytes")
        }
    }
}
