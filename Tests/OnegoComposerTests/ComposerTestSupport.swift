import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// Loading helpers shared by the composer tests.
enum ComposerFixtures {
    /// The fixture catalog under `Tests/Fixtures/matters/items.xml`.
    static func catalog() throws -> Catalog {
        let result = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: [Fixtures.fixture("matters/items.xml")])
        try #require(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        return result.catalog
    }

    /// The shipped synonym table.
    static func synonyms() throws -> SynonymTable {
        let (table, diagnostics) = SynonymTable.load(path: Fixtures.path("Catalogs/reference/material-synonyms.xml"))
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        return table
    }

    /// The shipped calendar.
    static func calendar() throws -> WorkingCalendar {
        let (calendar, diagnostics) = WorkingCalendar.load(paths: [Fixtures.path("Catalogs/calendars")])
        try #require(!diagnostics.containsErrors, "\(diagnostics)")
        return calendar
    }

    /// Loads one matter file, requiring no diagnostics.
    static func matter(_ name: String) throws -> Matter {
        let loader = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
        let (matters, diagnostics) = loader.load(paths: [Fixtures.fixture("matters/" + name)])
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(matters.first)
    }

    /// Loads a matter file and returns the loader's diagnostics and the catalog checks' diagnostics.
    static func diagnostics(_ name: String) throws -> [Diagnostic] {
        let loader = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
        let (matters, diagnostics) = loader.load(paths: [Fixtures.fixture("matters/" + name)])
        return diagnostics + MatterChecks.run(matters: matters, catalog: try catalog(), synonyms: try synonyms())
    }
}
