import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport

/// Loading fixtures and auditing them, shared by the audit tests.
enum AuditFixture {
    /// The hand-countable six-item catalog.
    static let district = "audit/district.xml"

    /// A loader validating against the repository's catalog.xsd.
    static func loader() throws -> CatalogLoader {
        try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
    }

    /// Loads catalog files and fails the test when they are not valid XML for the schema (the loader's code
    /// checks, which the audit rules repeat, may report errors: that is what the fault fixtures are for).
    static func load(_ path: String) throws -> CatalogLoadResult {
        let result = try loader().load(paths: [path])
        let broken = result.diagnostics.filter { $0.severity == .error && !$0.rule.hasPrefix("catalog.") }
        guard broken.isEmpty else { throw LoadFailure(diagnostics: broken) }
        return result
    }

    /// The findings of the standard rules on a catalog file.
    static func findings(_ path: String) throws -> [Finding] {
        Auditor().findings(in: try load(path).catalog)
    }

    /// An audit date.
    static let today = CalendarDay(year: 2026, month: 11, day: 21)

    struct LoadFailure: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }
}
