import OnegoAudit
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Rates on the six-item fixture, counted by hand: items 1–3 market regulation, 4–6 human resources.
@Suite struct CoverageRatesTests {
    static let expected: [(String, Int, Int)] = [
        ("immediate", 2, 6),  // items 3 and 6 are 即办件
        ("online", 5, 6),  // item 4 is offline at depth Ⅱ
        ("fully-online", 3, 6),  // depth Ⅳ: 1, 3, 6
        ("at-most-one-visit", 6, 6),
        ("zero-visit", 3, 6),
        ("tolerance-items", 2, 6),  // items 1 and 2 each have one 容缺 material
        ("tolerance-materials", 2, 14),  // 4 + 3 + 2 + 2 + 2 + 1 material lines
        ("instant-approval", 1, 6),
        ("instant-declaration", 1, 6),
        ("certificate-free", 1, 6),
        ("promise-based", 0, 6),
        ("cross-province", 1, 6),
        ("cross-region", 2, 6),
        ("elicence-materials", 5, 14),
    ]

    @Test func matchesTheHandCount() throws {
        let catalog = try AuditFixture.load(Fixtures.fixture(AuditFixture.district)).catalog
        let rates = CoverageCalculator().rates(of: catalog.items)
        #expect(rates.map(\.id) == Self.expected.map(\.0))
        for (id, numerator, denominator) in Self.expected {
            let rate = try #require(rates.first { $0.id == id })
            #expect(rate.ratio == Ratio(numerator, denominator), "\(id)")
        }
    }

    @Test func breaksDownByDepartmentLevelAndType() throws {
        let catalog = try AuditFixture.load(Fixtures.fixture(AuditFixture.district)).catalog
        let online = try #require(CoverageCalculator().rates(of: catalog.items).first { $0.id == "online" })
        let departments = try #require(online.breakdown[.department])
        #expect(departments.map(\.label) == ["云溪区市场监督管理局", "云溪区人力资源和社会保障局"])
        #expect(departments.map(\.ratio) == [Ratio(3, 3), Ratio(2, 3)])
        #expect(online.breakdown[.type]?.map(\.key) == ["01", "20"])
        #expect(online.breakdown[.type]?.map(\.ratio) == [Ratio(3, 3), Ratio(2, 3)])
        #expect(online.breakdown[.level]?.map(\.ratio) == [Ratio(5, 6)])
        #expect(online.breakdown[.region]?.first?.key == "440188")
    }

    @Test func countsADuplicatedCodeOnceAndSaysSo() throws {
        let path = try Fixtures.variant(
            of: AuditFixture.district,
            [
                (
                    "handlingCode=\"11440188MB2C9023XA4000101002000001\"",
                    "handlingCode=\"11440188MB2C9023XA4000101001000001\""
                )
            ])
        let catalog = try AuditFixture.loader().load(paths: [path]).catalog
        let rate = try #require(CoverageCalculator().rates(of: catalog.items).first { $0.id == "online" })
        #expect(rate.ratio.denominator == 5)
        #expect(rate.excluded.map(\.name) == ["食品经营许可（新办）"])
    }

    @Test func implementationPopulationNeedsEveryHandlingItem() {
        let codes = { (handling: String) in
            ItemCodes(basic: "000101001000", implementation: "11440188MB2C9023XA4000101001000", handling: handling)
        }
        let items = [
            ServiceItem(codes: codes("11440188MB2C9023XA4000101001000001"), name: "设立", visits: 0),
            ServiceItem(codes: codes("11440188MB2C9023XA4000101001000002"), name: "变更", visits: 1),
        ]
        let byHandling = CoverageCalculator(population: .handlingItems).rates(of: items).first { $0.id == "zero-visit" }
        let byImplementation = CoverageCalculator(population: .implementationItems).rates(of: items)
            .first { $0.id == "zero-visit" }
        #expect(byHandling?.ratio == Ratio(1, 2))
        #expect(byImplementation?.ratio == Ratio(0, 1))
        #expect(byImplementation?.population == "实施清单事项（按实施编码合并）")
    }

    @Test func countsCrossProvinceItemsByMode() throws {
        let catalog = try AuditFixture.load(Fixtures.fixture(AuditFixture.district)).catalog
        let counts = CoverageCalculator().crossRegion(of: catalog.items)
        #expect(counts.crossProvinceByMode == ["全程网办": 1])
        #expect(counts.byScope == ["全国": 1, "全省": 1])
    }
}
