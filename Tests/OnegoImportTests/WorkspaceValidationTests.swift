import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// `WorkspaceValidation` checks every onego document beside a catalog, each against its own schema.
@Suite struct WorkspaceValidationTests {
    @Test func theSampleWorkspaceIsValidWithItsMattersAndWaivers() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let result = WorkspaceValidation(paths: [Fixtures.path("Catalogs/yunxi")], loader: loader)
        #expect(result.errorCount == 0)
        #expect(result.matters.count == 6)
        #expect(result.waiverFiles == 1)
        #expect(result.catalog.catalog.items.count > 100)
    }

    @Test func aBrokenOfficeHoursFileIsAnErrorAtItsLine() throws {
        let folder = try Fixtures.temporaryDirectory()
        let hours = try Fixtures.write("09:00-12:00\n14:00-13:00\n", to: "office-hours.txt", in: folder)
        var diagnostics: [Diagnostic] = []
        _ = WorkspaceValidation.officeHours(in: [folder], diagnostics: &diagnostics)
        #expect(diagnostics.map(\.rule) == [.officeHoursInvalid])
        #expect(diagnostics.first?.location?.file == hours)
        #expect(diagnostics.first?.location?.line == 2)
    }
}
