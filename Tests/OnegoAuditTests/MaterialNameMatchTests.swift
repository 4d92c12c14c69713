import OnegoAudit
import Testing

@Suite struct MaterialNameMatchTests {
    @Test func normalisesWidthSpacingAndPunctuation() {
        #expect(MaterialNameMatch.normalised(" 营业执照（副本） ") == MaterialNameMatch.normalised("营业执照(副本)"))
        #expect(MaterialNameMatch.normalised("ＡＢＣ　申请表") == "abc申请表")
    }

    @Test(arguments: [
        ("居民身份证", "身份证复印件", true),
        ("营业执照", "营业执照复印件", true),
        ("身份证件", "配偶身份证件", false),
        ("父亲身份证明材料", "母亲身份证明材料", false),
        ("房屋租赁合同备案", "房屋租货合同备案", true),
        ("户口簿", "户口本", true),
        ("公司章程", "股东会决议", false),
        ("食品经营许可申请书", "食品经营许可证", false),
    ])
    func spotsNearDuplicates(_ a: String, _ b: String, _ expected: Bool) {
        let x = MaterialNameMatch.normalised(a)
        let y = MaterialNameMatch.normalised(b)
        #expect(MaterialNameMatch.areNearDuplicates(x, y) == expected)
    }
}
