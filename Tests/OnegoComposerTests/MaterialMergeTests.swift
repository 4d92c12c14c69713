import OnegoCatalog
import OnegoComposer
import Testing

/// Merge rules and document flow on small in-memory catalogs.
@Suite struct MaterialMergeTests {
    static func item(
        _ code: String, promised: Double = 1, visits: Int = 0, materials: [Material], results: [ItemResult] = []
    ) -> ServiceItem {
        ServiceItem(
            codes: ItemCodes(basic: "000000000000", implementation: code), name: "事项" + code,
            promisedLimit: TimeLimit(promised, .workingDays), visits: visits,
            online: OnlineService(isAvailable: true, depth: .fullyOnline), materials: materials, results: results)
    }

    static func matter(_ codes: [String], after: [String: [String]] = [:]) -> Matter {
        Matter(
            code: "T", name: "测试", audience: .legalPerson, leadDepartment: "甲",
            promisedLimit: TimeLimit(10, .workingDays),
            members: codes.map { MatterMember(id: "m" + $0, code: $0, after: after[$0] ?? []) })
    }

    func compose(_ items: [ServiceItem], synonyms: SynonymTable = .empty, after: [String: [String]] = [:]) throws
        -> Composition
    {
        let composer = Composer(catalog: Catalog(items: items), synonyms: synonyms)
        return try composer.compose(matter: Self.matter(items.map(\.id), after: after), answers: [:])
    }

    @Test(arguments: [
        (Necessity.optional, Necessity.supplyLater, Necessity.supplyLater),
        (.supplyLater, .required, .required),
        (.required, .optional, .required),
        (.optional, .optional, .optional),
    ])
    func keepsStrictestNecessity(first: Necessity, second: Necessity, merged: Necessity) throws {
        let plan = try compose([
            Self.item("A", materials: [Material(name: "租赁合同", necessity: first)]),
            Self.item("B", materials: [Material(name: "租赁合同", necessity: second)]),
        ])
        #expect(plan.materials.count == 1)
        #expect(plan.materials[0].necessity == merged)
    }

    @Test func keepsLargestCountsAndListsUsers() throws {
        let plan = try compose([
            Self.item("A", materials: [Material(name: "章程", originals: 2, copies: 0)]),
            Self.item("B", materials: [Material(name: "章程", originals: 1, copies: 3)]),
            Self.item("C", materials: [Material(name: "其他")]),
        ])
        let line = try #require(plan.materials.first)
        #expect(line.originals == 2 && line.copies == 3)
        #expect(line.usedBy == ["A", "B"])
        #expect(plan.reductions.copies.before == 3 && plan.reductions.copies.after == 3)
        #expect(plan.reductions.materials.before == 3 && plan.reductions.materials.after == 2)
    }

    @Test func normalisesWhiteSpaceAndFullWidth() throws {
        #expect(MaterialName.normalized(" 营业执照（副本） ") == MaterialName.normalized("营业执照(副本)"))
        #expect(MaterialName.normalized("ＡＢＣ　平面图") == "ABC平面图")
        let plan = try compose([
            Self.item("A", materials: [Material(name: "ＵＫｅｙ 申领表")]),
            Self.item("B", materials: [Material(name: "UKey申领表")]),
        ])
        #expect(plan.materials.map(\.name) == ["ＵＫｅｙ 申领表"])
        #expect(plan.materials[0].aliases == ["ＵＫｅｙ 申领表", "UKey申领表"])
    }

    @Test func synonymsMergeUnderThePreferredName() throws {
        let table = SynonymTable(groups: [("居民身份证", ["身份证"]), ("居民户口簿", ["户口本"])])
        let plan = try compose(
            [
                Self.item("A", materials: [Material(name: "身份证"), Material(name: "户口本")]),
                Self.item("B", materials: [Material(name: "居民身份证"), Material(name: "居民户口簿")]),
            ], synonyms: table)
        #expect(plan.materials.map(\.name) == ["居民身份证", "居民户口簿"])
        let apart = try compose([
            Self.item("A", materials: [Material(name: "身份证")]),
            Self.item("B", materials: [Material(name: "居民身份证")]),
        ])
        #expect(apart.materials.count == 2)
    }

    @Test func eLicenceTypeAndHolderAreTheIdentity() throws {
        let plan = try compose([
            Self.item("A", materials: [Material(name: "股东身份证明", eLicence: "居民身份证", holder: "股东")]),
            Self.item("B", materials: [Material(name: "股东证件", eLicence: "居民身份证", holder: "股东")]),
        ])
        #expect(plan.materials.count == 1)
        #expect(plan.materials[0].eLicence == "居民身份证")
        #expect(plan.materials[0].name == "股东身份证明（股东）")
        #expect(plan.materials[0].aliases == ["股东身份证明", "股东证件"])
    }

    @Test func differentHoldersOfOneDocumentStayApart() throws {
        let table = SynonymTable(groups: [("居民身份证", ["身份证"])])
        let plan = try compose(
            [
                Self.item(
                    "A",
                    materials: [
                        Material(name: "居民身份证", eLicence: "居民身份证", holder: "新生儿母亲"),
                        Material(name: "居民身份证", eLicence: "居民身份证", holder: "新生儿父亲"),
                    ]),
                Self.item("B", materials: [Material(name: "身份证", eLicence: "居民身份证", holder: "新生儿母亲")]),
            ], synonyms: table)
        #expect(plan.materials.map(\.name) == ["居民身份证（母亲）", "居民身份证（父亲）"])
        #expect(plan.materials.map(\.usedBy) == [["A", "B"], ["A"]])
        #expect(plan.materials.map(\.holder) == ["新生儿母亲", "新生儿父亲"])
    }

    @Test func sameELicenceWithoutHolderAndDifferentNamesStaysApartWithAHint() throws {
        let plan = try compose([
            Self.item("A", materials: [Material(name: "股东身份证明", eLicence: "居民身份证")]),
            Self.item("B", materials: [Material(name: "经办人证件", eLicence: "居民身份证")]),
        ])
        #expect(plan.materials.map(\.name) == ["股东身份证明", "经办人证件"])
        #expect(plan.materials[0].keptApartFrom == ["经办人证件"] && plan.materials[1].keptApartFrom == ["股东身份证明"])
        #expect(plan.reductions.materials.before == 2 && plan.reductions.materials.after == 2)
    }

    @Test func aOneItemBundleNeverReducesByMergingItsOwnLines() throws {
        // One item asking for two people's ID cards, one with holders and one without.
        let plan = try compose([
            Self.item(
                "A",
                materials: [
                    Material(name: "居民身份证", eLicence: "居民身份证"),
                    Material(name: "居民身份证", eLicence: "居民身份证"),
                    Material(name: "户口簿", holder: "新生儿母亲"),
                    Material(name: "户口簿", holder: "新生儿父亲"),
                ])
        ])
        #expect(plan.materials.count == 4)
        #expect(plan.reductions.materials.before == 4 && plan.reductions.materials.after == 4)
    }

    @Test func producerRunsFirstAndItsResultLeavesTheList() throws {
        // The consumer is listed first; document flow still orders the producer first.
        let consumer = Self.item(
            "C", promised: 2, visits: 1,
            materials: [Material(name: "出生医学证明", eLicence: "出生医学证明"), Material(name: "申请表")])
        let producer = Self.item(
            "P", promised: 3, visits: 1, materials: [Material(name: "医院证明")],
            results: [ItemResult(name: "出生医学证明", eLicence: "出生医学证明")])
        let plan = try compose([consumer, producer])
        #expect(plan.stages.map(\.members) == [["P"], ["C"]])
        #expect(plan.criticalPath == ["P", "C"])
        #expect(plan.workingDays.critical == 5)
        let flowed = try #require(plan.materials.first { $0.providedBy != nil })
        #expect(flowed.name == "出生医学证明" && flowed.providedBy == "P")
        #expect(plan.reductions.materials.before == 3 && plan.reductions.materials.after == 2)
        // Both members need the applicant on site, in different stages: two visits.
        #expect(plan.visits.before == 2 && plan.visits.after == 2)
    }

    @Test func parallelMembersShareOneStageAndOneVisit() throws {
        let plan = try compose([
            Self.item("A", promised: 3, visits: 1, materials: []),
            Self.item("B", promised: 5, visits: 2, materials: []),
        ])
        #expect(plan.stages.count == 1)
        #expect(plan.workingDays.critical == 5 && plan.workingDays.serialPromised == 8)
        #expect(plan.visits.before == 3 && plan.visits.after == 1)
    }

    @Test func onlineMembersWithoutVisitsNeedNoVisit() throws {
        let plan = try compose([Self.item("A", materials: []), Self.item("B", materials: [])])
        #expect(plan.visits.after == 0)
    }

    @Test func explicitOrderAddsAStage() throws {
        let plan = try compose(
            [Self.item("A", materials: []), Self.item("B", materials: [])], after: ["A": ["mB"]])
        #expect(plan.stages.map(\.members) == [["B"], ["A"]])
    }

    @Test func orderCycleIsAnErrorNamingTheMembers() throws {
        #expect {
            try compose(
                [Self.item("A", materials: []), Self.item("B", materials: [])], after: ["A": ["mB"], "B": ["mA"]])
        } throws: { error in
            guard case CompositionError.cycle(let ids, _) = error else { return false }
            return ids == ["mA", "mB", "mA"] || ids == ["mB", "mA", "mB"]
        }
    }
}
