import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// Trips (跑动次数) before and after under a declared arrangement, on the Hangzhou property-transfer members
/// (`Tests/Fixtures/published/items.xml`): before is each member's own published visits, which already count its
/// intake and its collection; after is what the applicant does under the matter's 一窗受理 and delivery (#11).
@Suite struct TripCountTests {
    let catalog: Catalog

    static let tax = "11330100MB0G5A7K2G3100401300100001"  // 存量房交易税费申报: 即办, 1 visit
    static let water = "913301007042111X093202000100100001"  // 供水过户: 即办, 1 visit
    static let transfer = "11330100MB1A2B3C4F3071600100100002"  // 转移登记: 1 working day, 1 visit

    init() throws {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: [Fixtures.fixture("published/items.xml")])
        try #require(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        catalog = loaded.catalog
    }

    func compose(_ codes: [String], intake: String) throws -> Composition {
        let members = codes.enumerated().map {
            "<member id=\"m\($0.offset)\" code=\"\($0.element)\" selection=\"always\"/>"
        }.joined(separator: "\n    ")
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <matter xmlns="urn:onego:matter:1" schemaVersion="1.0" code="T-TRIPS" audience="自然人" version="1">
              <name>二手房过户（节选）</name>
              <leadDepartment>杭州市规划和自然资源局</leadDepartment>
              <promisedLimit value="1" unit="工作日"/>
              <members>
                \(members)
              </members>
              \(intake)
            </matter>
            """
        let (matter, diagnostics) = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
            .load(bytes: Array(xml.utf8), name: "trips.xml")
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        return try Composer(catalog: catalog).compose(matter: try #require(matter), answers: AnswerSet())
    }

    @Test func instantMembersAtOneWindowHandTheirResultsOverInTheSameVisit() throws {
        let plan = try compose([Self.tax, Self.water], intake: "<intake mode=\"jointWindow\" delivery=\"window\"/>")
        #expect(plan.visits.before == 2 && plan.visits.after == 1)
        #expect(plan.steps.after == [.applyAtJointWindow, .collectAll(onTheSpot: true)])
        #expect(plan.resultsAtIntake)
    }

    @Test func collectingAPromisedResultAtTheWindowIsASecondTrip() throws {
        // The registration publishes one visit (apply at the window, certificate posted); a bundle that makes the
        // applicant come back for it adds that trip, and the figures say so rather than hide it.
        let plan = try compose([Self.transfer], intake: "<intake mode=\"jointWindow\" delivery=\"window\"/>")
        #expect(plan.visits.before == 1 && plan.visits.after == 2)
        #expect(!plan.resultsAtIntake && plan.steps.after == [.applyAtJointWindow, .collectAll(onTheSpot: false)])
        let posted = try compose([Self.transfer], intake: "<intake mode=\"jointWindow\" delivery=\"post\"/>")
        #expect(posted.visits.before == 1 && posted.visits.after == 1)
    }

    @Test func oneWindowForSeveralOnSiteMembersNeverAddsATrip() throws {
        let plan = try compose(
            [Self.tax, Self.transfer, Self.water], intake: "<intake mode=\"jointWindow\" delivery=\"window\"/>")
        #expect(plan.visits.before == 3 && plan.visits.after == 2)
        let posted = try compose(
            [Self.tax, Self.transfer, Self.water], intake: "<intake mode=\"jointWindow\" delivery=\"post\"/>")
        #expect(posted.visits.after == 1)
    }
}
