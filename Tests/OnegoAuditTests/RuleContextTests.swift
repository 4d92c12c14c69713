import OnegoAudit
import OnegoComposer
import Testing

/// The rule context's memo numbers names so the material rules compare integers: the numbers must follow exactly
/// the equalities the rules define.
@Suite struct RuleContextTests {
    @Test func namesThatNormaliseAlikeGetOneNumber() {
        let context = RuleContext(settings: .standard)
        let a = context.materialName("营业执照（副本）")
        let b = context.materialName(" 营业执照(副本) ")
        let c = context.materialName("营业执照（正本）")
        #expect(a.normalisedID == b.normalisedID)
        #expect(a.normalised == "营业执照副本")
        #expect(a.normalisedID != c.normalisedID)
        // Asked again, the memo answers with the same numbers.
        #expect(context.materialName("营业执照（副本）").normalisedID == a.normalisedID)
    }

    @Test func synonymNumbersFollowTheTableAndReducedNumbersDropQualifiers() {
        let table = SynonymTable(groups: [(preferred: "居民身份证", variants: ["有效身份证件"])])
        let context = RuleContext(settings: AuditSettings(synonyms: table))
        let id = context.materialName("居民身份证")
        let variant = context.materialName("有效身份证件")
        let other = context.materialName("户口簿")
        #expect(id.synonymID == variant.synonymID)
        #expect(id.synonymID != other.synonymID)
        #expect(id.normalisedID != variant.normalisedID)
        // 复印件 is a qualifier: the reduced forms agree though the names differ.
        let copy = context.materialName("营业执照复印件")
        let plain = context.materialName("营业执照")
        #expect(copy.normalisedID != plain.normalisedID)
        #expect(copy.comparisonID == plain.comparisonID)
    }

    @Test func contextsDoNotShareNumbersButAgreeOnEquality() {
        let first = RuleContext(settings: .standard)
        let second = RuleContext(settings: .standard)
        _ = first.materialName("申请书")
        let x1 = first.materialName("营业执照")
        let x2 = second.materialName("营业执照")
        let y2 = second.materialName("营业执照 ")
        #expect(x2.normalisedID == y2.normalisedID)
        #expect(x1.normalised == x2.normalised)
    }
}
