import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// One deliberate fault per variant of the six-item fixture; each must be found by the right rule at the right
/// line and column (items start at column 3, materials at column 7).
@Suite struct RuleFindingTests {
    struct Fault: CustomStringConvertible, Sendable {
        var rule: String
        var edits: [(String, String)]
        var line: Int
        var column: Int
        var description: String { rule }
    }

    static let item1Promise = "<promisedLimit value=\"0.5\" unit=\"工作日\"/>\n    <visits count=\"0\"/>"
    static let item3Limits =
        "<statutoryLimit value=\"15\" unit=\"工作日\"/>\n    <promisedLimit value=\"0\" unit=\"工作日\"/>"
    static let item6Visits =
        "<visits count=\"0\"/>\n    <online available=\"true\" depth=\"4\" url=\"https://www.gdzwfw.gov.cn/\"/>\n    <handlingForm>网上办理</handlingForm>\n    <handlingForm>移动端办理</handlingForm>"
    static let item2Forms =
        "<handlingForm>窗口办理</handlingForm>\n    <fee charged=\"false\"/>\n    <materials>\n      <material name=\"食品经营许可申请书\""
    static let tolerant =
        "<material name=\"食品安全管理制度文本\" type=\"3\" form=\"纸质\" necessity=\"容缺后补\" source=\"10\" originals=\"1\" supplyDays=\"5\"/>"

    static let faults: [Fault] = [
        // Codes.
        Fault(
            rule: "codes.uscc", edits: [("uscc=\"11440188MB2C9023XA\"", "uscc=\"11440188MB2C9023X9\"")], line: 3,
            column: 3),
        Fault(
            rule: "codes.implementation-uscc", edits: [("uscc=\"11440188MB2C9023XA\"", "uscc=\"11440188MB2D410671\"")],
            line: 3, column: 3),
        Fault(
            rule: "codes.handling-prefix",
            edits: [
                (
                    "handlingCode=\"11440188MB2C9023XA4000101001000001\"",
                    "handlingCode=\"11440188MB2C9023XA4000101009000001\""
                )
            ],
            line: 3, column: 3),
        Fault(
            rule: "codes.duplicate",
            edits: [
                (
                    "handlingCode=\"11440188MB2C9023XA4000101002000001\"",
                    "handlingCode=\"11440188MB2C9023XA4000101001000001\""
                )
            ],
            line: 31, column: 3),
        Fault(
            rule: "codes.region",
            edits: [
                (
                    "region=\"440188\" handling=\"承诺件\">\n    <name>企业设立登记",
                    "region=\"990188\" handling=\"承诺件\">\n    <name>企业设立登记"
                )
            ], line: 3, column: 3),
        Fault(
            rule: "codes.region-level",
            edits: [
                (
                    "region=\"440188\" handling=\"承诺件\">\n    <name>企业设立登记",
                    "region=\"440100\" handling=\"承诺件\">\n    <name>企业设立登记"
                )
            ], line: 3, column: 3),
        // Time limits and units.
        Fault(
            rule: "time.promise-exceeds-statutory",
            edits: [("<statutoryLimit value=\"20\" unit=\"工作日\"/>", "<statutoryLimit value=\"8\" unit=\"工作日\"/>")],
            line: 31, column: 3),
        Fault(
            rule: "time.immediate-nonzero-promise",
            edits: [
                (
                    item3Limits,
                    "<statutoryLimit value=\"15\" unit=\"工作日\"/>\n    <promisedLimit value=\"2\" unit=\"工作日\"/>"
                )
            ], line: 57, column: 3),
        Fault(
            rule: "time.zero-promise-not-immediate",
            edits: [(item1Promise, "<promisedLimit value=\"0\" unit=\"工作日\"/>\n    <visits count=\"0\"/>")], line: 3,
            column: 3),
        Fault(
            rule: "time.incomparable-units",
            edits: [("<statutoryLimit value=\"20\" unit=\"工作日\"/>", "<statutoryLimit value=\"20\" unit=\"自然日\"/>")],
            line: 31, column: 3),
        // Visits, online depth, handling forms.
        Fault(
            rule: "visits.zero-with-reason",
            edits: [
                (item1Promise, "<promisedLimit value=\"0.5\" unit=\"工作日\"/>\n    <visits count=\"0\" reason=\"核验原件\"/>")
            ], line: 3, column: 3),
        Fault(
            rule: "visits.reason-missing",
            edits: [("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")], line: 31, column: 3),
        Fault(
            rule: "visits.zero-offline-needs-post",
            edits: [("<visits count=\"1\" reason=\"核验本人身份\"/>", "<visits count=\"0\"/>")], line: 81, column: 3),
        Fault(
            rule: "visits.window-only-zero",
            edits: [("<visits count=\"1\" reason=\"核验本人身份\"/>", "<visits count=\"0\"/>")], line: 81, column: 3),
        Fault(
            rule: "online.full-depth-visits",
            edits: [
                (
                    item6Visits,
                    item6Visits.replacingOccurrences(
                        of: "<visits count=\"0\"/>", with: "<visits count=\"1\" reason=\"采集照片\"/>")
                )
            ], line: 120, column: 3),
        Fault(
            rule: "online.depth-without-flag",
            edits: [("<online available=\"false\" depth=\"2\"/>", "<online available=\"false\" depth=\"3\"/>")],
            line: 81, column: 3),
        // 容缺.
        Fault(
            rule: "tolerance.key-material",
            edits: [(tolerant, tolerant.replacingOccurrences(of: "supplyDays", with: "key=\"true\" supplyDays"))],
            line: 50, column: 7),
        Fault(
            rule: "tolerance.supply-exceeds-promise",
            edits: [(tolerant, tolerant.replacingOccurrences(of: "\"5\"", with: "\"15\""))], line: 50, column: 7),
        Fault(
            rule: "tolerance.supply-days-missing",
            edits: [(tolerant, tolerant.replacingOccurrences(of: " supplyDays=\"5\"", with: ""))], line: 50, column: 7),
        // 秒批.
        Fault(
            rule: "instant.paper-proof",
            edits: [
                (
                    "<material name=\"经营者身份证明\" type=\"1\" form=\"电子\" necessity=\"必要\" source=\"20\"",
                    "<material name=\"经营者身份证明\" type=\"1\" form=\"纸质\" necessity=\"必要\" source=\"10\""
                )
            ],
            line: 74, column: 7),
        Fault(
            rule: "instant.special-procedure",
            edits: [(item3Limits, item3Limits + "<specialProcedure kind=\"现场勘验\"/>")], line: 57, column: 3),
        // 免证办 and government-issued materials.
        Fault(
            rule: "certfree.no-elicence",
            edits: [("issuer=\"公安机关\" eLicence=\"居民身份证\" copies=\"1\"", "issuer=\"公安机关\" copies=\"1\"")], line: 23,
            column: 7),
        Fault(
            rule: "materials.government-issuer",
            edits: [
                (
                    "<material name=\"经营者身份证明\" type=\"1\" form=\"电子\" necessity=\"必要\" source=\"20\" eLicence=\"居民身份证\"",
                    "<material name=\"经营者身份证明\" type=\"1\" form=\"电子\" necessity=\"必要\" source=\"20\""
                )
            ],
            line: 74, column: 7),
        // Cross-region scope and mode.
        Fault(
            rule: "cross.mode-missing",
            edits: [("<crossRegion scope=\"全省\" mode=\"全程网办\"/>", "<crossRegion scope=\"全省\"/>")], line: 120, column: 3),
        Fault(
            rule: "cross.online-mode-depth",
            edits: [
                (
                    item2Forms,
                    item2Forms.replacingOccurrences(
                        of: "</handlingForm>\n", with: "</handlingForm><crossRegion scope=\"全市\" mode=\"全程网办\"/>\n")
                )
            ], line: 31, column: 3),
        // Fees.
        Fault(
            rule: "fees.items-missing",
            edits: [("<feeItem name=\"证书工本费\" standard=\"每本10元\" basis=\"粤价〔2003〕160号\"/>", "<!-- 收费项目未填 -->")],
            line: 97, column: 3),
        Fault(rule: "fees.basis-missing", edits: [(" basis=\"粤价〔2003〕160号\"", "")], line: 97, column: 3),
        // Phones.
        Fault(
            rule: "contact.phones-identical",
            edits: [("complaintPhone=\"020-12345\"", "complaintPhone=\"020-82731234\"")], line: 3, column: 3),
        Fault(rule: "contact.area-code", edits: [("phone=\"020-82731234\"", "phone=\"82731234\"")], line: 3, column: 3),
        // Results.
        Fault(
            rule: "results.licensing-missing",
            edits: [
                (
                    "<results>\n      <result name=\"食品经营许可证\" type=\"证照\" eLicence=\"食品经营许可证\" validity=\"5年\"/>\n    </results>",
                    "<!-- 无办理结果 -->\n\n"
                )
            ],
            line: 31, column: 3),
        // Material names, key materials, legal basis.
        Fault(
            rule: "materials.duplicate-name", edits: [("<material name=\"公司章程\"", "<material name=\"公司登记(备案)申请书\"")],
            line: 22, column: 7),
        Fault(
            rule: "materials.near-duplicate-name",
            edits: [("<material name=\"食品安全管理制度文本\"", "<material name=\"食品经营许可申请书复印件\"")], line: 50, column: 7),
        Fault(
            rule: "materials.key-optional",
            edits: [
                (
                    "<material name=\"公司章程\" type=\"2\" form=\"纸质和电子\" necessity=\"必要\"",
                    "<material name=\"公司章程\" type=\"2\" form=\"纸质和电子\" necessity=\"非必要\""
                )
            ], line: 22, column: 7),
        Fault(
            rule: "legal.basis-missing",
            edits: [
                (
                    "<legalBasis>\n      <law name=\"中华人民共和国食品安全法\" article=\"第三十五条\">从事食品销售和餐饮服务，应当依法取得许可。</law>\n    </legalBasis>",
                    "<!--\n\n-->"
                )
            ],
            line: 31, column: 3),
    ]

    @Test func theFixtureItselfIsClean() throws {
        let findings = try AuditFixture.findings(Fixtures.fixture(AuditFixture.district))
        #expect(findings.filter { $0.severity != .note }.isEmpty, "\(findings.map(\.description))")
        #expect(findings.map(\.rule) == ["time.not-compressed"])
    }

    @Test(arguments: faults)
    func findsTheFaultAtItsPlace(_ fault: Fault) throws {
        let path = try Fixtures.variant(of: AuditFixture.district, fault.edits)
        let findings = try AuditFixture.findings(path)
        let matching = findings.filter { $0.rule.rawValue == fault.rule }
        #expect(!matching.isEmpty, "no \(fault.rule) in \(findings.map(\.description))")
        let place = SourceLocation(file: path, line: fault.line, column: fault.column)
        #expect(matching.contains { $0.location == place }, "\(matching.map(\.description))")
        if let finding = matching.first {
            #expect(finding.severity == RuleRegistry.standard.rule(id: fault.rule)?.severity)
            #expect(finding.item != nil && finding.message.contains(finding.item ?? "-"))
        }
    }

    @Test func everyCheckingFamilyHasAFaultFixture() {
        let tested = Set(Self.faults.compactMap { RuleRegistry.standard.rule(id: $0.rule)?.family })
        for family in [
            RuleFamily.codes, .time, .visits, .online, .tolerance, .instant, .certificateFree, .crossRegion, .fees,
            .contact, .results, .materials, .legal,
        ] {
            #expect(tested.contains(family), "\(family)")
        }
    }
}
