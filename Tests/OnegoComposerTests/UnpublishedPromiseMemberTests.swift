import OnegoCatalog
import OnegoComposer
import Testing

/// A member whose promised limit is 未公布 counts with its statutory limit (noted), else the composition names it.
@Suite struct UnpublishedPromiseMemberTests {
    static func item(_ code: String, name: String, statutory: TimeLimit?) -> ServiceItem {
        ServiceItem(
            codes: ItemCodes(basic: "000117012000", implementation: code), name: name, department: "广东省住房和城乡建设厅",
            statutoryLimit: statutory, promisedLimit: nil)
    }

    static let licence = "11440000006939795C2000117012000"
    static let safety = "11440000006939795C2000117013000"

    static func matter() -> Matter {
        Matter(
            code: "GD-1", name: "建筑企业资质延续一件事", audience: .enterprise, leadDepartment: "广东省住房和城乡建设厅",
            promisedLimit: TimeLimit(30, .workingDays),
            members: [MatterMember(id: "licence", code: licence), MatterMember(id: "safety", code: safety)])
    }

    @Test func statutoryLimitStandsInAndIsNoted() throws {
        let composer = Composer(
            catalog: Catalog(items: [
                Self.item(Self.licence, name: "建筑业企业资质核准（延续）", statutory: TimeLimit(20, .workingDays)),
                ServiceItem(
                    codes: ItemCodes(basic: "000117013000", implementation: Self.safety), name: "安全生产许可证延续",
                    promisedLimit: TimeLimit(10, .workingDays)),
            ]))
        let plan = try composer.compose(matter: Self.matter(), answers: AnswerSet())
        let member = try #require(plan.members.first { $0.id == "licence" })
        #expect(member.promisedLimit.value == 20)
        #expect(member.promisedLimit.note?.contains("承诺时限未公布，按法定时限计") == true)
    }

    @Test func noLimitAtAllIsAnErrorNamingTheMember() throws {
        let composer = Composer(
            catalog: Catalog(items: [
                Self.item(Self.licence, name: "建筑业企业资质核准（延续）", statutory: nil),
                Self.item(Self.safety, name: "安全生产许可证延续", statutory: TimeLimit(10, .workingDays)),
            ]))
        #expect {
            try composer.compose(matter: Self.matter(), answers: AnswerSet())
        } throws: { error in
            guard let error = error as? CompositionError, case .noPromisedLimit = error else { return false }
            return error.description.contains("licence") && error.description.contains("建筑业企业资质核准（延续）")
        }
    }
}
