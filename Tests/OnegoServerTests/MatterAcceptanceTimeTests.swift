import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoServer
import OnegoTestSupport
import Testing

/// The matter page takes an acceptance date and time, as `onego compose --accepted YYYY-MM-DDTHH:MM` does: an
/// hour-counted plan (企业信息变更, promised in 2 office hours) is then due at a time of day.
@Suite(.serialized) struct MatterAcceptanceTimeTests {
    /// The sample workspace with its calendar and office hours, as `onego serve` loads them.
    static func dataWithCalendar() throws -> WorkbenchData {
        var data = try RunningWorkbench.sampleData()
        let workspace = Workspace(catalogPaths: [Fixtures.path("Catalogs/yunxi")])
        data.composer = try workspace.composer(catalog: data.catalog, loadingCalendar: true)
        return data
    }

    @Test func anHourPlanIsDueAtTheTimeTheCommandLineGives() async throws {
        let data = try Self.dataWithCalendar()
        let matter = try #require(data.matter(code: "YX-QYBG"))
        var answers = AnswerSet()
        for (id, value) in [("fund", "是"), ("premises", "否"), ("articles", "否")] { answers.set([value], for: id) }
        let at = try #require(CalendarMoment(iso: "2026-09-29T16:30"))
        let expected = try #require(
            try data.composer.compose(matter: matter, answers: answers, accepted: at.day, acceptedAt: at).due)
        let overall = try #require(expected.overallAt)
        try await RunningWorkbench.with(data: data) { client in
            let query = "q.fund=%E6%98%AF&q.premises=%E5%90%A6&q.articles=%E5%90%A6"
            let page = try await client.send(
                "GET", "/matters/YX-QYBG?\(query)&accepted=2026-09-29&time=16:30", headers: [RunningWorkbench.bearer]
            ).body
            #expect(page.contains("受理时间 2026-09-29 16:30，预计 \(overall.description) 前办结"))
            #expect(page.contains("name=\"time\" value=\"16:30\""), "the form keeps the time")
            #expect(page.contains("--accepted 2026-09-29T16:30"), "the equivalent command carries the time")
            #expect(page.contains("time=16%3A30") || page.contains("time=16:30"), "the print links carry it")
            let same = try await client.send(
                "GET", "/matters/YX-QYBG?\(query)&accepted=2026-09-29T16:30", headers: [RunningWorkbench.bearer]
            ).body
            #expect(same.contains("预计 \(overall.description) 前办结"), "the command line's form is accepted too")
            let dayOnly = try await client.send(
                "GET", "/matters/YX-QYBG?\(query)&accepted=2026-09-29", headers: [RunningWorkbench.bearer]
            ).body
            #expect(dayOnly.contains("受理时间 2026-09-29 09:00，预计 2026-09-29 11:00"), "a day alone counts from opening")
        }
        #expect(overall.description == "2026-09-30 10:00", "one hour before closing, one after the next opening")
    }

    @Test func theCompositionAPITakesTheTimeAsTheCommandLineDoes() async throws {
        try await RunningWorkbench.with(data: try Self.dataWithCalendar()) { client in
            let path =
                "/api/matters/YX-QYBG/composition?answer=fund=%E6%98%AF&answer=premises=%E5%90%A6"
                + "&answer=articles=%E5%90%A6&accepted=2026-09-29"
            let day = try await client.send("GET", path, headers: [RunningWorkbench.bearer])
            let timed = try await client.send("GET", path + "T16:30", headers: [RunningWorkbench.bearer])
            #expect(day.status == 200 && timed.status == 200)
            #expect(timed.body.contains("16:30") && timed.body.contains("10:00"), "accepted 16:30, due 10:00 next day")
            #expect(!day.body.contains("16:30"), "a day alone is a different answer, not the cached timed one")
        }
    }
}
