import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// A member whose limit is in natural days is due that many calendar days after its inputs are ready — a legal
/// deadline holidays do not move — not a converted number of working days counted around the holidays.
@Suite struct NaturalDayDueDateTests {
    @Test func naturalDayMemberKeepsItsLegalDeadlineAcrossNationalDay() throws {
        let catalog = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
            .load(paths: [Fixtures.sampleItems]).catalog
        // 火灾事故认定: promised 30 自然日.
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <matter xmlns="urn:onego:matter:1" schemaVersion="1.0" code="T-FIRE" audience="自然人" version="1">
              <name>火灾事故认定</name>
              <leadDepartment>云溪区消防救援大队</leadDepartment>
              <promisedLimit value="30" unit="自然日"/>
              <members>
                <member id="fire" code="11440188MB2D3072394070900200100001" selection="always"/>
              </members>
            </matter>
            """
        let (matter, diagnostics) = try MatterLoader.validating(schemaPath: Fixtures.path("Schemas/matter.xsd"))
            .load(bytes: Array(xml.utf8), name: "fire.xml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let composer = Composer(catalog: catalog, synonyms: .empty, calendar: try ComposerFixtures.calendar())
        let composition = try composer.compose(
            matter: try #require(matter), answers: AnswerSet(), accepted: CalendarDay(iso: "2026-09-25"))
        // 30 natural days after 2026-09-25 is 2026-10-25 (a Sunday, inside no holiday); 30 × 5/7 working days
        // counted around 中秋 and 国庆 would have given a later date.
        #expect(composition.due?.overall == CalendarDay(iso: "2026-10-25"))
        #expect(composition.due?.stages == [CalendarDay(iso: "2026-10-25")].compactMap { $0 })
    }
}
