import Foundation
import OnegoTestSupport
import Testing

/// A province's code layout is a settings file beside the catalog; the code checks of validate and audit follow it.
@Suite struct CodeProfileCommandTests {
    private let sichuan = "Tests/Fixtures/codes/sichuan"

    @Test func sichuanCodesAreValidUnderTheProfileBesideTheCatalog() throws {
        let run = try Fixtures.runOnego(["validate", sichuan])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("目录有效：1 个事项"))
        #expect(run.stderr.isEmpty)
        let audit = try Fixtures.runOnego([
            "audit", sichuan, "--policy", "Catalogs/policies/guangdong-style-2026.xml", "--format", "json",
        ])
        #expect(!audit.stdout.contains("codes.implementation-uscc"))
        #expect(!audit.stdout.contains("codes.basic-length"))
    }

    @Test func theNationalLayoutFlagsTheSameCodes() throws {
        let run = try Fixtures.runOnego(["validate", sichuan + "/items.xml", "--code-profile", "national"])
        #expect(run.stderr.contains("与“统一社会信用代码+行使层级+基本编码”"))
        #expect(run.stderr.contains("[catalog.basic-code]"))
    }

    /// A matter names its members by the catalog's codes, hyphens and all (Sichuan's 基本编码-区划-000-USCC-1-00).
    @Test func aMatterNamesMembersBySichuanCodes() throws {
        let root = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/items", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/matters", withIntermediateDirectories: true)
        for (from, to) in [("items.xml", "items/items.xml"), ("code-profile.xml", "code-profile.xml")] {
            try FileManager.default.copyItem(atPath: Fixtures.path(sichuan + "/" + from), toPath: root + "/" + to)
        }
        let matter = """
            <?xml version="1.0" encoding="UTF-8"?>
            <matter xmlns="urn:onego:matter:1" schemaVersion="1.0" code="GA-QYKB" audience="法人">
              <name>企业开办</name>
              <leadDepartment>广安市广安区行政审批局</leadDepartment>
              <promisedLimit value="1" unit="工作日"/>
              <members>
                <member id="licence" code="511A0138000000-511602000000-000-11511602MB15327088-1-00" selection="always"/>
              </members>
            </matter>
            """
        try matter.write(toFile: root + "/matters/qykb.xml", atomically: true, encoding: .utf8)
        let validate = try Fixtures.runOnego(["validate", root])
        #expect(validate.status == 0, "\(validate.stderr)")
        let compose = try Fixtures.runOnego(["compose", "GA-QYKB", "--catalog", root + "/items"])
        #expect(compose.status == 0, "\(compose.stderr)")
        #expect(compose.stdout.contains("企业设立登记"))
    }

    @Test func unknownCodeProfileIsAUsageError() throws {
        let run = try Fixtures.runOnego(["validate", sichuan, "--code-profile", "atlantis"])
        #expect(run.status == 64)
    }
}
