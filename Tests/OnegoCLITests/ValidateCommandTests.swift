import Foundation
import OnegoTestSupport
import Testing

@Suite struct ValidateCommandTests {
    @Test func validCatalogExitsZeroWithASummary() throws {
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("目录有效：1 个事项，1 个部门，5 条申请材料"))
        #expect(run.stderr.isEmpty)
    }

    @Test func brokenCatalogExitsOneWithCompilerStyleLines() throws {
        let path = try Fixtures.variant(of: "minimal.xml", [("<visits count=\"0\"/>", "<visits count=\"-1\"/>")])
        let run = try Fixtures.runOnego(["validate", path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(path):14:5: 错误: 不符合 Schema：Element 'visits', attribute 'count'"))
        #expect(run.stderr.contains("[xml.schema]"))
        #expect(run.stdout.hasPrefix("目录无效：1 个错误"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml", [("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"9\"")])
        let run = try Fixtures.runOnego(["validate", path, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["items"] as? Int == 1)
        #expect(object["departments"] as? Int == 1)
        #expect(object["materials"] as? Int == 5)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["file"] as? String == path)
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 3)
        #expect(first["severity"] as? String == "error")
        #expect(first["rule"] as? String == "catalog.promise-exceeds-statutory")
        #expect((first["message"] as? String)?.contains("9个工作日") == true)
    }

    @Test func missingPathIsAUsageError() throws {
        let run = try Fixtures.runOnego(["validate"])
        #expect(run.status == 64)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml", "--format", "yaml"])
        #expect(run.status == 64)
    }

    @Test func nonexistentPathExitsOneAndNamesIt() throws {
        let run = try Fixtures.runOnego(["validate", "no/such/catalog"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no/such/catalog: 错误: 文件不存在（No such file or directory）"))
    }

    @Test func xxeFixtureNeitherExpandsNorReadsTheFile() throws {
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/hostile/xxe-file.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("xxe-file.xml:2:1: 错误: 文件含有 <!DOCTYPE> 声明"))
        #expect(!run.stderr.contains("root:") && !run.stdout.contains("root:"))
    }
}

@Suite struct ShowCommandTests {
    @Test func printsTheItemAsAGuide() throws {
        let run = try Fixtures.runOnego([
            "show", "11440188MB2C9023XA4000101001000001", "--catalog", "Tests/Fixtures/minimal.xml",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("企业设立登记\n"))
        #expect(run.stdout.contains("承诺办结时限：0.5个工作日"))
        #expect(run.stdout.contains("办理方式：秒报 容缺受理 免证办 全程网办 零跑动 跨省通办"))
        #expect(run.stdout.contains("4. 法定代表人、董事、监事和经理的任职文件（容缺后补"))
    }

    @Test func findsAnItemByItsImplementationCode() throws {
        let run = try Fixtures.runOnego([
            "show", "11440188MB2C9023XA4000101001000", "--catalog", "Tests/Fixtures/minimal.xml",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("企业设立登记\n"))
    }

    @Test func unknownCodeExitsOne() throws {
        let run = try Fixtures.runOnego(["show", "NOPE", "--catalog", "Tests/Fixtures/minimal.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("目录中没有编码为 NOPE 的事项"))
    }

    @Test func missingCatalogIsAUsageError() throws {
        #expect(try Fixtures.runOnego(["show", "X"]).status == 64)
    }
}

@Suite struct ValidateWorkspaceTests {
    @Test func validatesTheSampleWorkspaceWithMattersAndCalendars() throws {
        let run = try Fixtures.runOnego(["validate", "Catalogs"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("176 个事项"))
        #expect(run.stdout.contains("6 个一件事"))
        #expect(run.stdout.contains("工作日历 2024–2026 年"))
    }

    @Test func aMatterNamingACodeOutsideTheCatalogIsAnError() throws {
        let run = try Fixtures.runOnego([
            "validate", "Catalogs/yunxi/items/health.xml", "Catalogs/yunxi/matters/qykb.xml", "--format", "json",
        ])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["matters"] as? Int == 1)
        let rules = (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("matter.member.unknown-code"))
    }
}

@Suite struct ResourceLimitOptionTests {
    @Test func itemCapIsConfigurableAndNamed() throws {
        let run = try Fixtures.runOnego(["validate", "Catalogs/yunxi/items/health.xml", "--max-items", "3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("单个文件的事项数超过上限 3 [catalog.limit.items]"))
    }

    @Test func depthCapIsConfigurable() throws {
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml", "--max-depth", "3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[xml.limit.depth]"))
    }

    @Test func nonsenseLimitsAreUsageErrors() throws {
        #expect(try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml", "--max-file-size", "0"]).status == 64)
    }
}

@Suite struct ReviewRegressionTests {
    @Test func wrongRootInTheCatalogNamespaceIsNamedByValidate() throws {
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/hostile/wrong-root.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("wrong-root.xml:2:1: 错误: 根元素应为 <catalog"))
    }

    @Test func unknownOnegoDocumentKindIsAnError() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = try Fixtures.write(
            "<?xml version=\"1.0\"?>\n<x xmlns=\"urn:onego:foo:1\"/>\n", to: "x.xml", in: directory)
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[io.unknown-document]"))
    }

    @Test func outputsNeverTakeAnInputFormat() throws {
        let directory = try Fixtures.temporaryDirectory()
        let target = directory + "/report.xml"
        let run = try Fixtures.runOnego([
            "audit", "Tests/Fixtures/minimal.xml", "--policy", "Catalogs/policies/guangdong-style-2026.xml", "--format",
            "json",
            "--output", target, "--today", "2026-11-21",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains(".xml/.xsd"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func schemaMessagesKeepTheAllowedValues() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml",
            [
                (
                    "type=\"2\" form=\"纸质和电子\" necessity=\"必要\" source=\"10\" originals=\"1\" copies=\"0\"",
                    "type=\"9\" form=\"纸质和电子\" necessity=\"必要\" source=\"10\" originals=\"1\" copies=\"0\""
                )
            ])
        let run = try Fixtures.runOnego(["validate", path])
        #expect(run.stderr.contains("{'1', '2', '3', '0'}"))
        #expect(!run.stderr.contains("urn:onego"))
    }

    @Test func absurdFileSizeLimitIsAUsageError() throws {
        #expect(
            try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml", "--max-file-size", "9000000000000000"])
                .status == 64)
    }

    @Test func matterDroppingAMaterialTheMemberDoesNotHaveIsAnError() throws {
        let directory = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(
            atPath: Fixtures.path("Catalogs/yunxi"), toPath: directory + "/yunxi")
        let matter = directory + "/yunxi/matters/qykb.xml"
        let text = try String(contentsOfFile: matter, encoding: .utf8)
        try text.replacingOccurrences(
            of: "<excludeMaterial member=\"licence\" name=\"委托书\"/>",
            with: "<excludeMaterial member=\"licence\" name=\"委托书（错字）\"/>"
        ).write(toFile: matter, atomically: true, encoding: .utf8)
        let run = try Fixtures.runOnego(["validate", directory + "/yunxi"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("qykb.xml:51:9: 错误: 回答要免去的材料“委托书（错字）”不在成员事项 licence"))
        #expect(run.stderr.contains("[matter.material.unknown]"))
    }

    @Test func aBrokenOfficeHoursFileIsAnErrorAtItsLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs/yunxi"), toPath: directory + "/yunxi")
        try "09:00-12:00\n13:30-25:00\n".write(
            toFile: directory + "/yunxi/office-hours.txt", atomically: true, encoding: .utf8)
        let run = try Fixtures.runOnego(["validate", directory + "/yunxi"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("office-hours.txt:2:1: 错误: 办公时间“13:30-25:00”无效"), "\(run.stderr)")
        #expect(run.stderr.contains("[office-hours.invalid]"))
    }
}
