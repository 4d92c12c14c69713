import Testing

@testable import OnegoCatalog

/// The loader's interner: one stored copy per distinct byte sequence, found again by its bytes.
@Suite struct StringInternerTests {
    private func intern(_ text: String, in interner: StringInterner) -> (id: Int, string: String) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { (interner.id(of: $0), interner.intern($0)) }
    }

    @Test func equalBytesGiveTheStoredCopyAndDifferentBytesANewOne() {
        let interner = StringInterner()
        let first = intern("云溪区市场监督管理局（食品经营许可科）", in: interner)
        let again = intern("云溪区市场监督管理局（食品经营许可科）", in: interner)
        let other = intern("云溪区市场监督管理局（食品经营许可股）", in: interner)
        #expect(first.id == again.id)
        #expect(
            unsafeBitCast(first.string, to: (UInt64, UInt64).self)
                == unsafeBitCast(again.string, to: (UInt64, UInt64).self))
        #expect(other.id != first.id)
        #expect(other.string == "云溪区市场监督管理局（食品经营许可股）")
        #expect(interner.count == 2)
    }

    /// Every length from 0 to 40 bytes (the word loop and the tail), texts that differ only in their last byte, and
    /// enough strings to grow the table several times.
    @Test func manyTextsOfEveryLengthKeepDistinctIDs() {
        let interner = StringInterner()
        var ids: [String: Int] = [:]
        for n in 0..<3_000 {
            let text = String(repeating: "证", count: n % 13) + String(n) + String(repeating: "a", count: n % 9)
            ids[text] = intern(text, in: interner).id
        }
        #expect(interner.count == ids.count)
        for (text, id) in ids {
            #expect(intern(text, in: interner).id == id)
            #expect(interner.string(id) == text)
        }
        #expect(interner.count == ids.count)
    }
}
