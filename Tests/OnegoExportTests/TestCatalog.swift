import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// Shared inputs: the minimal fixture's item, the shipped calendar and fixed dates.
enum TestCatalog {
    /// The one item of `Tests/Fixtures/minimal.xml`.
    static func minimalItem() throws -> ServiceItem {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let result = loader.load(paths: [Fixtures.fixture("minimal.xml")])
        return try #require(result.catalog.items.first)
    }

    /// The shipped sample catalog (Catalogs/yunxi/items), loaded with the schema and free of errors.
    static func sampleCatalog() throws -> Catalog {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
            .load(paths: [Fixtures.sampleItems])
        try #require(!loaded.diagnostics.containsErrors)
        return loaded.catalog
    }

    /// The shipped sample matter `code` (Catalogs/yunxi/matters).
    static func sampleMatter(_ code: String) throws -> Matter {
        let (matters, _) = MatterLoader.load(paths: [Fixtures.sampleMatters])
        return try #require(matters.first { $0.code == code })
    }

    /// The shipped working-day calendar.
    static func calendar() throws -> WorkingCalendar {
        let (calendar, diagnostics) = WorkingCalendar.load(paths: [Fixtures.path("Catalogs/calendars")])
        #expect(!diagnostics.containsErrors)
        return calendar
    }

    /// A day from its ISO text.
    static func day(_ iso: String) throws -> CalendarDay { try #require(CalendarDay(iso: iso)) }

    /// Options without an acceptance date, issued on the date every golden file uses.
    static func plain() throws -> GuideOptions { GuideOptions(issued: try day("2026-11-20")) }

    /// Options with an acceptance date and the calendar (2026-09-30: the National Day holiday follows).
    static func accepted(_ iso: String = "2026-09-30") throws -> GuideOptions {
        GuideOptions(issued: try day("2026-11-20"), accepted: try day(iso), calendar: try calendar())
    }
}
