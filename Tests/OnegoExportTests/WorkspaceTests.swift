import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// `Workspace` finds the files beside a catalog by its documented rules, and takes explicit files instead.
@Suite struct WorkspaceTests {
    private let yunxi = Fixtures.path("Catalogs/yunxi")

    @Test func theSampleWorkspaceFindsItsMattersFromTheFolderOrItsItems() throws {
        for catalog in [yunxi, yunxi + "/items"] {
            let workspace = Workspace(catalogPaths: [catalog])
            #expect(workspace.matterFolders == [yunxi + "/matters"])
            // Catalogs/reference/ is above the workspace folder: the sample uses the built-in copy of that table.
            #expect(workspace.workspaceFolder == yunxi)
            #expect(workspace.synonymsFile == nil)
            #expect(workspace.codeProfileFile == nil)
        }
        let workspace = Workspace(catalogPaths: [yunxi])
        #expect(workspace.officeHoursFile == yunxi + "/office-hours.txt")
        #expect(try workspace.officeHours() == .standard)
        let matters = try workspace.loadMatters()
        #expect(matters.count == 6)
        #expect(try workspace.matter(named: "yx-qykb").name == "企业开办")
        #expect(try workspace.matter(named: "kbcyd").code == "YX-KBCYD")
        #expect(try workspace.synonyms() != .empty)
    }

    @Test func aSynonymTableIsFoundInTheWorkspaceFolderNeverAboveIt() throws {
        let base = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let files = FileManager.default
        try files.createDirectory(atPath: base + "/district/items", withIntermediateDirectories: true)
        try files.createDirectory(atPath: base + "/reference", withIntermediateDirectories: true)
        let table = Fixtures.path("Catalogs/reference/material-synonyms.xml")
        try files.copyItem(atPath: table, toPath: base + "/reference/material-synonyms.xml")
        try files.copyItem(atPath: table, toPath: base + "/material-synonyms.xml")
        let catalogs = [base + "/district", base + "/district/items", base + "/district/items/市场监管局.xml"]
        for catalog in catalogs {
            #expect(Workspace(catalogPaths: [catalog]).synonymsFile == nil, "\(catalog)")
        }
        try files.copyItem(atPath: table, toPath: base + "/district/material-synonyms.xml")
        for catalog in catalogs {
            let workspace = Workspace(catalogPaths: [catalog])
            #expect(workspace.workspaceFolder == base + "/district")
            #expect(workspace.synonymsFile == base + "/district/material-synonyms.xml")
            #expect(try workspace.synonyms().preferredName(for: "身份证") == "居民身份证")
        }
    }

    @Test func officeHoursAndTheCodeProfileAreFoundInTheWorkspaceFolderNeverAboveIt() throws {
        let base = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let files = FileManager.default
        try files.createDirectory(atPath: base + "/district/items", withIntermediateDirectories: true)
        let profile = Fixtures.path("Catalogs/code-profiles/guangdong.xml")
        _ = try Fixtures.write("08:30-12:00\n14:00-17:00\n", to: "office-hours.txt", in: base)
        try files.copyItem(atPath: profile, toPath: base + "/code-profile.xml")
        let catalogs = [base + "/district", base + "/district/items", base + "/district/items/市场监管局.xml"]
        for catalog in catalogs {
            let workspace = Workspace(catalogPaths: [catalog])
            #expect(workspace.officeHoursFile == nil, "\(catalog)")
            #expect(workspace.codeProfileFile == nil, "\(catalog)")
            #expect(try workspace.officeHours() == .standard)
        }
        _ = try Fixtures.write("08:30-12:00\n14:00-17:00\n", to: "office-hours.txt", in: base + "/district")
        try files.copyItem(atPath: profile, toPath: base + "/district/code-profile.xml")
        for catalog in catalogs {
            let workspace = Workspace(catalogPaths: [catalog])
            #expect(workspace.officeHoursFile == base + "/district/office-hours.txt", "\(catalog)")
            #expect(workspace.codeProfileFile == base + "/district/code-profile.xml", "\(catalog)")
            #expect(try workspace.officeHours().minutesPerDay == 390)
        }
    }

    @Test func explicitFilesWinOverTheFolderRules() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hours = try Fixtures.write("08:30-12:00\n14:00-17:00\n", to: "hours.txt", in: folder)
        let workspace = Workspace(
            catalogPaths: [yunxi], matterPaths: [Fixtures.fixture("matters/qykb.xml")], officeHoursPath: hours,
            calendarPaths: [Fixtures.path("Catalogs/calendars")])
        #expect(workspace.matterFolders == [Fixtures.fixture("matters/qykb.xml")])
        #expect(try workspace.loadMatters().map(\.code) == ["T-QYKB"])
        #expect(try workspace.officeHours().minutesPerDay == 390)
        #expect(try workspace.calendar().publishedYears.contains(2026))
        let matter = try workspace.matter(named: Fixtures.fixture("matters/qykb.xml"))
        #expect(matter.name == "企业开办（测试）")
    }

    @Test func aMissingMatterListsTheMattersThereAre() throws {
        let workspace = Workspace(catalogPaths: [yunxi])
        let error = try #require(throws: WorkspaceError.self) { try workspace.matter(named: "YX-NONE") }
        #expect(error.description.hasPrefix("没有编码为 YX-NONE 的一件事；可选："))
        #expect(error.description.contains("YX-QYKB（企业开办）"))
    }

    @Test func anItemsFolderWithoutMattersBesideItHasNone() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/items", withIntermediateDirectories: true)
        let workspace = Workspace(catalogPaths: [folder + "/items"])
        #expect(workspace.matterFolders.isEmpty)
        #expect(try workspace.loadMatters().isEmpty)
        let error = try #require(throws: WorkspaceError.self) { try workspace.matter(named: "YX-QYKB") }
        #expect(error.description.hasPrefix("找不到一件事定义目录"))
    }

    @Test func brokenFilesStopWithTheirDiagnostics() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let synonyms = try Fixtures.write("<synonyms>", to: "synonyms.xml", in: folder)
        let hours = try Fixtures.write("09:00-12:00\n11:00-17:00\n", to: "hours.txt", in: folder)
        let workspace = Workspace(
            catalogPaths: [yunxi], synonymsPath: synonyms, officeHoursPath: hours,
            calendarPaths: [Fixtures.fixture("calendar/impossible-date.xml")])
        let table = try #require(throws: WorkspaceError.self) { try workspace.synonyms() }
        #expect(table.description == "材料同义词表有错误")
        #expect(table.diagnostics.contains { $0.location?.file == synonyms })
        let calendar = try #require(throws: WorkspaceError.self) { try workspace.calendar() }
        #expect(calendar.description == "工作日历有错误，请先用 onego calendar check 修正")
        #expect(calendar.diagnostics.containsErrors)
        let office = try #require(throws: WorkspaceError.self) { try workspace.officeHours() }
        #expect(office.description.hasPrefix(hours + ":2:"))
        #expect(office.underlyingError is OfficeHoursError)
    }
}
