import Foundation
import Testing

@testable import OnegoCatalog

/// The loader shares equal repeated arrays and material bodies within a file; its keys hash and compare UTF-8 bytes.
@Suite struct SharedArraysTests {
    /// A long non-ASCII text made afresh each time: the same bytes in separate heap storage.
    private func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    private let licence = "中华人民共和国食品经营许可证（正本、副本），有效期五年，可通过电子证照库调用"

    @Test func equalTextsInSeparateStorageHashAlikeAndCompareEqual() {
        let a = Shared([ItemResult(name: fresh(licence), eLicence: fresh("食品经营许可证"))])
        let b = Shared([ItemResult(name: fresh(licence), eLicence: fresh("食品经营许可证"))])
        #expect(
            unsafeBitCast(a.array[0].name, to: (UInt64, UInt64).self)
                != unsafeBitCast(b.array[0].name, to: (UInt64, UInt64).self))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
    }

    @Test func canonicallyEquivalentTextsWithOtherBytesAreNotShared() {
        // "é" precomposed and decomposed: equal as Strings, different bytes; the loader must keep each file's bytes.
        let composed = Shared([FeeItem(name: "Caf\u{E9} 许可证工本费", standard: "10元/本")])
        let decomposed = Shared([FeeItem(name: "Cafe\u{301} 许可证工本费", standard: "10元/本")])
        #expect(composed.array[0].name == decomposed.array[0].name)
        #expect(composed != decomposed)
    }

    @Test func equalListsOfTwoItemsShareOneBuffer() throws {
        var shared = SharedArrays()
        var lists = ItemLists()
        var first = ServiceItem(codes: ItemCodes(basic: "000101001000", implementation: ""), name: "食品经营许可证核发")
        var second = first
        lists.results = [ItemResult(name: fresh(licence))]
        lists.steps = [ProcessStep(name: fresh("受理"), limit: TimeLimit(1, .workingDays, note: fresh("当场受理")))]
        shared.finish(&first, from: &lists)
        lists.results = [ItemResult(name: fresh(licence))]
        lists.steps = [ProcessStep(name: fresh("受理"), limit: TimeLimit(1, .workingDays, note: fresh("当场受理")))]
        shared.finish(&second, from: &lists)
        #expect(second.results == first.results)
        let a = try #require(first.results.withUnsafeBufferPointer { $0.baseAddress })
        let b = try #require(second.results.withUnsafeBufferPointer { $0.baseAddress })
        #expect(a == b)
        let c = try #require(first.steps.withUnsafeBufferPointer { $0.baseAddress })
        let d = try #require(second.steps.withUnsafeBufferPointer { $0.baseAddress })
        #expect(c == d)
    }

    @Test func materialBodiesWithEqualBytesAreShared() {
        var shared = SharedArrays()
        var a = Material(name: fresh("食品经营许可申请书（加盖公章）"), originals: 1, issuer: fresh("云溪区市场监督管理局"))
        var b = Material(name: fresh("食品经营许可申请书（加盖公章）"), originals: 1, issuer: fresh("云溪区市场监督管理局"))
        shared.share(&a)
        shared.share(&b)
        #expect(a.storage.isIdentical(to: b.storage))
        var c = Material(name: fresh("食品经营许可申请书（加盖公章）"), originals: 2)
        shared.share(&c)
        #expect(!c.storage.isIdentical(to: a.storage))
    }
}
