import Foundation
import OnegoCatalog
import Testing

/// `ServiceItem` keeps its fields in one copy-on-write box: it must still behave as a plain value.
@Suite struct ServiceItemStorageTests {
    private func sample() -> ServiceItem {
        ServiceItem(
            codes: ItemCodes(basic: "000101001000", implementation: "11440106MB2C90236X3000101001000"),
            name: "食品经营许可证核发", department: "云溪区市场监督管理局",
            materials: [Material(name: "食品经营许可申请书", originals: 1), Material(name: "营业执照", copies: 1)])
    }

    @Test func mutatingACopyLeavesTheOriginalAlone() {
        let original = sample()
        var copy = original
        #expect(copy == original)
        copy.name = "食品经营许可证变更"
        copy.materials.append(Material(name: "法定代表人身份证明"))
        copy.implementingBody.name = "云溪区市场监督管理局"
        #expect(original.name == "食品经营许可证核发")
        #expect(original.materials.count == 2)
        #expect(original.implementingBody.name == "")
        #expect(copy.materials.count == 3)
        #expect(copy != original)
    }

    @Test func equalFieldsInSeparateBoxesAreEqualAndHashAlike() {
        let a = sample()
        let b = sample()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        var c = b
        c.visits = 0
        #expect(c != a)
    }

    @Test func encodesThePropertyNamesAndDecodesBack() throws {
        let item = sample()
        let data = try JSONEncoder().encode(item)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["name"] as? String == "食品经营许可证核发")
        #expect(object["department"] as? String == "云溪区市场监督管理局")
        #expect((object["materials"] as? [Any])?.count == 2)
        #expect(try JSONDecoder().decode(ServiceItem.self, from: data) == item)
    }
}
