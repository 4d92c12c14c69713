import Foundation
import OnegoBase
import Testing

@testable import OnegoCatalog

/// The loader shares equal repeated arrays, material bodies and contacts within a file, keyed by the interner's ids
/// of their texts: equal UTF-8 bytes share, other bytes never do.
@Suite struct SharedArraysTests {
    private let strings = StringInterner()
    private let licence = "中华人民共和国食品经营许可证（正本、副本），有效期五年，可通过电子证照库调用"

    /// The id of a text made afresh each time (the same bytes in separate heap storage).
    private func id(_ text: String) -> StringID {
        var fresh = String(decoding: Array(text.utf8), as: UTF8.self)
        return fresh.withUTF8 { StringID(strings.id(of: $0)) }
    }

    private func item() -> ServiceItem {
        ServiceItem(codes: ItemCodes(basic: "000101001000", implementation: ""), name: "食品经营许可证核发")
    }

    private func base<T>(_ array: [T]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    @Test func equalTextsInSeparateStorageGetOneID() {
        #expect(id(licence) == id(licence))
        #expect(id(licence) != id("食品经营许可证"))
    }

    @Test func canonicallyEquivalentTextsWithOtherBytesAreNotShared() {
        // "é" precomposed and decomposed: equal as Strings, different bytes; the loader must keep each file's bytes.
        var shared = SharedArrays()
        var lists = ItemLists()
        var (first, second) = (item(), item())
        lists.feeItems = [FeeItemKey(name: id("Caf\u{E9} 许可证工本费"), standard: id("10元/本"), basis: -1)]
        shared.finish(&first, from: &lists, strings: strings)
        lists.feeItems = [FeeItemKey(name: id("Cafe\u{301} 许可证工本费"), standard: id("10元/本"), basis: -1)]
        shared.finish(&second, from: &lists, strings: strings)
        #expect(Array(first.fee.items[0].name.utf8) == Array("Caf\u{E9} 许可证工本费".utf8))
        #expect(Array(second.fee.items[0].name.utf8) == Array("Cafe\u{301} 许可证工本费".utf8))
        #expect(base(first.fee.items) != base(second.fee.items))
    }

    @Test func equalListsOfTwoItemsShareOneBuffer() {
        var shared = SharedArrays()
        var lists = ItemLists()
        var finished: [ServiceItem] = []
        for _ in 0..<2 {
            lists.results = [
                ResultKey(name: id(licence), type: .licence, eLicence: id("食品经营许可证"), validity: -1, delivery: -1)
            ]
            let limit = LimitKey(value: 1, unit: .workingDays, note: id("当场受理"))
            lists.steps = [StepKey(name: id("受理"), limit: limit, role: -1)]
            lists.isCharged = true
            lists.feeItems = [FeeItemKey(name: id("许可证工本费"), standard: id("10元/本"), basis: -1)]
            var next = item()
            shared.finish(&next, from: &lists, strings: strings)
            finished.append(next)
        }
        let (first, second) = (finished[0], finished[1])
        #expect(first.results == [ItemResult(name: licence, type: .licence, eLicence: "食品经营许可证")])
        #expect(first.steps == [ProcessStep(name: "受理", limit: TimeLimit(1, .workingDays, note: "当场受理"))])
        #expect(first.fee == Fee(isCharged: true, items: [FeeItem(name: "许可证工本费", standard: "10元/本")]))
        #expect(second.results == first.results && second.steps == first.steps && second.fee == first.fee)
        #expect(base(first.results) != nil && base(first.results) == base(second.results))
        #expect(base(first.steps) != nil && base(first.steps) == base(second.steps))
        #expect(base(first.fee.items) != nil && base(first.fee.items) == base(second.fee.items))
        // The scratch lists are emptied for the next item.
        #expect(lists.results.isEmpty && lists.steps.isEmpty && lists.feeItems.isEmpty && !lists.isCharged)
    }

    @Test func materialBodiesWithEqualBytesAreSharedAndKeepTheirLocations() {
        var shared = SharedArrays()
        let key = MaterialKey(name: id("食品经营许可申请书（加盖公章）"), originals: 1, issuer: id("云溪区市场监督管理局"))
        let here = SourceLocation(file: "市场监管局.xml", line: 12, column: 9)
        let there = SourceLocation(file: "市场监管局.xml", line: 40, column: 9)
        let a = shared.material(key, at: here, strings: strings)
        let b = shared.material(key, at: there, strings: strings)
        #expect(a.storage.isIdentical(to: b.storage))
        #expect(a.location == here && b.location == there)
        #expect(a == Material(name: "食品经营许可申请书（加盖公章）", originals: 1, issuer: "云溪区市场监督管理局", location: here))
        var other = key
        other.originals = 2
        let c = shared.material(other, at: here, strings: strings)
        #expect(!c.storage.isIdentical(to: a.storage))
        #expect(c.originals == 2 && c.name == a.name)
    }

    @Test func equalContactsShareOneBox() {
        var shared = SharedArrays()
        let key = ContactKey(
            address: id("云溪区政务服务中心二楼"), hours: id("工作日 9:00-17:00"), phone: id("0731-8888 1234"),
            complaintPhone: id("12345"), addressState: nil, hoursState: nil)
        let a = shared.contact(key, strings: strings)
        let b = shared.contact(key, strings: strings)
        #expect(a.isIdentical(to: b))
        #expect(
            a.value
                == Contact(
                    address: "云溪区政务服务中心二楼", hours: "工作日 9:00-17:00", phone: "0731-8888 1234", complaintPhone: "12345"))
        var online = key
        online.address = -1
        online.addressState = .noWindow
        let c = shared.contact(online, strings: strings)
        #expect(!c.isIdentical(to: a))
        #expect(c.value.addressState == .noWindow && c.value.address.isEmpty)
    }
}
