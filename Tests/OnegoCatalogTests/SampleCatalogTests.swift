import OnegoCatalog
import OnegoTestSupport
import Testing

/// The sample district catalog must stay valid, realistic and complete enough for the shipped matters.
@Suite struct SampleCatalogTests {
    let result: CatalogLoadResult

    init() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        result = loader.load(paths: [Fixtures.sampleItems])
    }

    @Test func loadsWithoutErrorsOrWarnings() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5))")
    }

    @Test func isDistrictSized() {
        #expect(result.catalog.items.count >= 150)
        #expect(result.catalog.departments.count >= 12)
        #expect(result.catalog.materialCount >= 500)
    }

    @Test func everyImplementingBodyHasAValidCreditCode() {
        let codes = Set(result.catalog.items.map(\.implementingBody.creditCode))
        #expect(codes.count >= 14)
        #expect(codes.allSatisfy { $0.isValid })
    }

    @Test(arguments: [
        "企业设立登记", "公章刻制备案", "住房公积金单位缴存登记", "单位参保登记", "《出生医学证明》首次签发", "出生登记",
        "城乡居民基本医疗保险参保登记", "社会保障卡申领", "食品经营许可（新办）", "户外招牌设置", "职工正常退休（职）申请",
        "退休提取住房公积金", "清税申报（清税证明）", "企业注销登记",
    ])
    func containsBundleMember(_ name: String) {
        #expect(result.catalog.items.contains { $0.name == name })
    }

    @Test(arguments: [
        ("《出生医学证明》首次签发", "出生登记", "出生医学证明"),
        ("出生登记", "城乡居民基本医疗保险参保登记", "居民户口簿"),
        ("企业设立登记", "公章刻制备案", "营业执照"),
        ("清税申报（清税证明）", "企业注销登记", "清税证明"),
    ])
    func producerResultFeedsConsumerMaterial(_ producer: String, _ consumer: String, _ licence: String) throws {
        let made = try #require(result.catalog.items.first { $0.name == producer })
        let used = try #require(result.catalog.items.first { $0.name == consumer })
        #expect(made.results.contains { $0.eLicence == licence })
        #expect(used.materials.contains { $0.eLicence == licence })
    }

    @Test func mixIsPlausibleNotAllOrNothing() {
        let items = result.catalog.items
        func share(_ predicate: (ServiceItem) -> Bool) -> Double {
            Double(items.count(where: predicate)) / Double(items.count)
        }
        #expect((0.25...0.5).contains(share { $0.isImmediate }))
        #expect((0.03...0.2).contains(share { $0.modes.isInstantApproval }))
        #expect((0.3...0.8).contains(share { $0.isFaultTolerant }))
        #expect((0.4...0.8).contains(share { $0.isFullyOnline }))
        #expect((0.1...0.35).contains(share { $0.isCrossProvince }))
        #expect(share { $0.isAtMostOneVisit } < 1)
    }
}
