import Foundation
import OnegoTestSupport
import Testing

@Suite struct ImportCommandTests {
    @Test func allRowsImportedExitsZeroAndWritesAValidCatalog() throws {
        let folder = try Fixtures.temporaryDirectory()
        let template = try Fixtures.runOnego(["template", "xlsx", "--out", folder + "/template.xlsx"])
        #expect(template.status == 0)
        let run = try Fixtures.runOnego([
            "import", folder + "/template.xlsx", "--profile", "template", "--out", folder + "/catalog",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("读取 1 行：导入 1 个事项，拒绝 0 行"))
        let validate = try Fixtures.runOnego(["validate", folder + "/catalog"])
        #expect(validate.status == 0)
        #expect(validate.stdout.hasPrefix("目录有效：1 个事项"))
    }

    @Test func aRejectedRowExitsOne() throws {
        let folder = try Fixtures.temporaryDirectory()
        let source = folder + "/one.json"
        try Data(#"[{"TASK_CODE": "11440106MB2D0332254000117004000", "TASK_NAME": "食品经营许可（新办）"}]"#.utf8)
            .write(to: URL(fileURLWithPath: source))
        let run = try Fixtures.runOnego([
            "import", source, "--profile", "gdzwfw", "--out", folder + "/gd", "--format", "json",
        ])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["rejected"] as? Int == 1)
    }

    @Test func everyGuangdongRowImportsWithTheDocumentedJSON() throws {
        let folder = try Fixtures.temporaryDirectory()
        let run = try Fixtures.runOnego([
            "import", "Tests/Fixtures/import/gdzwfw-items.json", "--profile", "gdzwfw", "--out", folder + "/gd",
            "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schemaVersion", "rows", "imported", "rejected", "diagnostics"])
        #expect(object["rows"] as? Int == 12)
        #expect(object["imported"] as? Int == 12)
        #expect(object["rejected"] as? Int == 0)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(
            Set(first.keys) == ["source", "sheet", "row", "rows", "column", "field", "severity", "rule", "message"])
        #expect(
            diagnostics.contains { $0["rule"] as? String == "import.value.not-published" && $0["row"] as? Int == 4 })
        #expect(FileManager.default.fileExists(atPath: folder + "/gd"))
        // Two 业务办理项 share one implementation code: show lists them.
        let show = try Fixtures.runOnego(["show", "11440106MB2D0332254000117004000", "--catalog", folder + "/gd"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("实施编码 11440106MB2D0332254000117004000 下有 2 个业务办理项"))
        #expect(show.stdout.contains("11440106MB2D033225400011700400002  食品经营许可（变更）"))
    }

    /// Materials that came with names only print what the source did not say once, not as three 未注明; a legal
    /// basis that is only its citation is printed once.
    @Test func showSaysOnceWhatTheSourceDidNotState() throws {
        let folder = try Fixtures.temporaryDirectory()
        let source = folder + "/list.csv"
        try Data(
            """
            事项名称,事项类型,实施编码,实施主体,承诺时限,到现场次数,是否网办,服务对象,行政区划,申请材料,设定依据
            食品经营许可（新办）,行政许可,11511602MB153270884000117004000,广安区行政审批局,5个工作日,0,是,企业,511602,"1.食品经营许可申请书；2.营业执照",《中华人民共和国食品安全法》第三十五条

            """.utf8
        ).write(to: URL(fileURLWithPath: source))
        let run = try Fixtures.runOnego(["import", source, "--profile", "excel-list", "--out", folder + "/items"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let show = try Fixtures.runOnego(["show", "食品经营许可", "--catalog", folder + "/items"])
        #expect(show.stdout.contains("1. 食品经营许可申请书（必要性、形式、来源未注明）"), "\(show.stdout)")
        #expect(show.stdout.contains("    《中华人民共和国食品安全法》第三十五条\n"))
        #expect(!show.stdout.contains("未注明，未注明"))
    }

    /// Imported into a workspace that has a code-profile.xml, codes are read by it (as validate does there).
    @Test func theWorkspacesCodeProfileReadsTheCodes() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(
            atPath: Fixtures.path("Catalogs/code-profiles/sichuan.xml"), toPath: folder + "/code-profile.xml")
        let source = folder + "/list.csv"
        try Data(
            """
            事项名称,事项类型,实施编码,实施主体,承诺时限,到现场次数,是否网办,服务对象
            企业设立登记,行政许可,511A0138000000-511602000000-000-11511602MB15327088-1-00,广安区行政审批局,1个工作日,0,是,企业

            """.utf8
        ).write(to: URL(fileURLWithPath: source))
        let run = try Fixtures.runOnego(["import", source, "--profile", "excel-list", "--out", folder + "/items"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("按工作区的编码规则 \(folder)/code-profile.xml 读取编码"))
        // Imported again over the existing folder, the workspace's profile still applies.
        let again = try Fixtures.runOnego([
            "import", source, "--profile", "excel-list", "--out", folder + "/items", "--replace",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        let validate = try Fixtures.runOnego(["validate", folder])
        #expect(validate.status == 0, "\(validate.stderr)")
        let national = try Fixtures.runOnego([
            "import", source, "--profile", "excel-list", "--out", folder + "/other", "--code-profile", "national",
        ])
        #expect(national.status == 1)
    }

    /// Output names of one character ("x", "中") were a crash in Foundation's path handling; they are folders like any.
    @Test func oneCharacterOutputNamesWork() throws {
        let folder = try Fixtures.temporaryDirectory()
        for name in ["x", "中"] {
            let run = try Fixtures.run(
                Fixtures.onegoExecutable,
                [
                    "import", Fixtures.path("Tests/Fixtures/import/gdzwfw-items.json"), "--profile", "gdzwfw", "--out",
                    name,
                ],
                in: folder, environment: ["ONEGO_NO_CACHE": "1"])
            #expect(run.status == 0, "\(name): \(run.stderr.prefix(300))")
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
        }
        let audit = try Fixtures.run(
            Fixtures.onegoExecutable,
            [
                "audit", "x", "--policy", Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"), "-o", "y",
                "--cache",
            ],
            in: folder, environment: [:])
        #expect(
            audit.status <= 1 && FileManager.default.fileExists(atPath: folder + "/y"), "\(audit.stderr.prefix(300))")
    }

    @Test func exportedSampleImportsBackAndValidates() throws {
        let folder = try Fixtures.temporaryDirectory()
        let export = try Fixtures.runOnego(["export", "xlsx", "Catalogs/yunxi/items", "--out", folder + "/yunxi.xlsx"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("176 个事项"))
        let run = try Fixtures.runOnego([
            "import", folder + "/yunxi.xlsx", "--profile", "template", "--out", folder + "/yunxi",
        ])
        #expect(run.status == 0)
        let audit = try Fixtures.runOnego(["validate", folder + "/yunxi"])
        #expect(audit.stdout.hasPrefix("目录有效：176 个事项，21 个部门，708 条申请材料"))
    }

    /// An officer exports again to the same workbook (or writes the template over an old one): the workbook is
    /// replaced by the whole new one. A write that cannot happen leaves the old workbook as it was, and a link to
    /// an input is never followed into it.
    @Test func exportingAgainReplacesTheWorkbookAndAFailedWriteKeepsIt() throws {
        let folder = try Fixtures.temporaryDirectory()
        let workbook = folder + "/yunxi.xlsx"
        let first = try Fixtures.runOnego(["export", "xlsx", "Catalogs/yunxi/items/education.xml", "--out", workbook])
        #expect(first.status == 0)
        let again = try Fixtures.runOnego(["export", "xlsx", "Catalogs/yunxi/items", "--out", workbook])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("176 个事项"))
        let back = try Fixtures.runOnego(["import", workbook, "--profile", "template", "--out", folder + "/back"])
        #expect(back.status == 0)
        #expect(try Fixtures.runOnego(["validate", folder + "/back"]).stdout.contains("176 个事项"))

        let template = try Fixtures.runOnego(["template", "xlsx", "--out", workbook])
        #expect(template.status == 0, "\(template.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: workbook))
        // A workbook that is a link to an input catalog file is refused, the catalog file untouched.
        let catalogCopy = folder + "/education.xml"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems + "/education.xml", toPath: catalogCopy)
        let original = try Data(contentsOf: URL(fileURLWithPath: catalogCopy))
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked.xlsx", withDestinationPath: catalogCopy)
        let linked = try Fixtures.runOnego(["export", "xlsx", catalogCopy, "--out", folder + "/linked.xlsx"])
        #expect(linked.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: catalogCopy)) == original)
        // Its folder gone, the write fails and nothing of the old workbook is lost.
        let missing = try Fixtures.runOnego(["export", "xlsx", catalogCopy, "--out", folder + "/gone/x.xlsx"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("gone/x.xlsx"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == before)
    }

    @Test(arguments: [
        ["import", "--profile", "template", "--out", "/tmp/x"],
        ["import", "a.xlsx", "--profile", "no-such-profile", "--out", "/tmp/x"],
        ["import", "a.txt", "--profile", "template", "--out", "/tmp/x"],
        ["import", "a.xlsx", "--profile", "template"],
        ["template", "xlsx", "--out", "template.csv"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let run = try Fixtures.runOnego(arguments)
        #expect(run.status == 64)
    }

    @Test func codeProfileOptionChecksImportedCodesByTheProvinceLayout() throws {
        let folder = try Fixtures.temporaryDirectory()
        let source = folder + "/sichuan.json"
        try Data(
            #"""
            [{"TASK_CODE": "511A0138000000-511602000000-000-11511602MB15327088-1-00", "TASK_NAME": "企业设立登记",
              "TASK_TYPE": "1", "DEPT_NAME": "广安市广安区行政审批局", "AREACODE": "511602", "ONLINECHECK": "1", "LIMIT_SCENE_NUM": 0,
              "handle_time": "3(工作日)", "handle_time_limit": "1(工作日)", "matter_level": "区级",
              "handle_location": "广安区政务服务中心二楼", "consult_phone": "0826-2345678", "complain_phone": "12345",
              "service_object_name": "企业法人"}]
            """#.utf8
        ).write(to: URL(fileURLWithPath: source))
        let run = try Fixtures.runOnego([
            "import", source, "--profile", "gdzwfw", "--code-profile", "sichuan", "--out", folder + "/sc",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("[import.check.catalog."))
        let validate = try Fixtures.runOnego(["validate", folder + "/sc", "--code-profile", "sichuan"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let unknown = try Fixtures.runOnego([
            "import", source, "--profile", "gdzwfw", "--code-profile", "atlantis", "--out", folder + "/x",
        ])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("找不到编码规则“atlantis”"))
    }
}
