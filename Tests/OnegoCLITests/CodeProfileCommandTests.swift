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

    @Test func unknownCodeProfileIsAUsageError() throws {
        let run = try Fixtures.runOnego(["validate", sichuan, "--code-profile", "atlantis"])
        #expect(run.status == 64)
    }
}
