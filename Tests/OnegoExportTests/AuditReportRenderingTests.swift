import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoExport
import OnegoTestSupport
import Testing

/// The four audit renderers on the six-item fixture.
@Suite struct AuditReportRenderingTests {
    static func report(edits: [(String, String)] = [], policy: String = "Catalogs/policies/guangdong-style-2026.xml")
        throws
        -> AuditReport
    {
        let path =
            edits.isEmpty
            ? Fixtures.fixture("audit/district.xml") : try Fixtures.variant(of: "audit/district.xml", edits)
        let load = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd").load(paths: [path])
        let (policyValue, _) = Policy.load(path: Fixtures.path(policy), schemaPath: Fixtures.schemas + "/policy.xsd")
        let (waivers, _) = WaiverSet.load(
            path: Fixtures.fixture("audit/waivers.xml"), schemaPath: Fixtures.schemas + "/waivers.xsd")
        return Auditor().audit(
            load, policy: policyValue, waivers: waivers, today: try #require(CalendarDay(iso: "2026-11-21")),
            paths: [path])
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonHasExactlyTheIssueShape() throws {
        let json = try Self.object(try AuditJSONReport.render(try Self.report()))
        #expect(
            Set(json.keys) == [
                "schemaVersion", "targets", "rates", "compression", "regionalVariation", "findings", "departments",
            ])
        #expect(json["schemaVersion"] as? Int == 1)
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.count == 6)
        for target in targets {
            #expect(
                Set(target.keys) == [
                    "id", "name", "value", "target", "met", "assessable", "numerator", "denominator", "missing",
                ])
        }
        let fully = try #require(targets.first { $0["id"] as? String == "fully-online" })
        #expect(fully["value"] as? Double == 0.5)
        #expect(fully["target"] as? Double == 0.85)
        #expect(fully["met"] as? Bool == false)
        let rates = try #require(json["rates"] as? [String: [String: Any]])
        #expect(rates["online"]?["numerator"] as? Int == 5)
        #expect(rates["online"]?["denominator"] as? Int == 6)
        #expect(rates["tolerance-materials"]?["population"] as? String == "申请材料（业务办理项的材料条目）")
        let compression = try #require(json["compression"] as? [String: Any])
        let overall = try #require(compression["overall"] as? [String: Any])
        let weighted = try #require(overall["dayWeighted"] as? [String: Any])
        #expect(weighted["value"] as? Double == 0.5729)
        #expect((weighted["label"] as? String)?.hasPrefix("按天数加权") == true)
    }

    @Test func jsonFindingsCarryRuleItemAndPlace() throws {
        let report = try Self.report(edits: [("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")])
        let json = try Self.object(try AuditJSONReport.render(report))
        let findings = try #require(json["findings"] as? [[String: Any]])
        for finding in findings {
            #expect(
                Set(finding.keys) == [
                    "rule", "ruleTitle", "severity", "item", "itemName", "department", "file", "line", "column",
                    "message",
                ])
        }
        let reason = try #require(findings.first { $0["rule"] as? String == "visits.reason-missing" })
        #expect(reason["line"] as? Int == 31)
        #expect(reason["column"] as? Int == 3)
        #expect(reason["item"] as? String == "11440188MB2C9023XA4000101002000001")
        #expect(reason["severity"] as? String == "warning")
    }

    @Test func sarifIsStructurallyValid() throws {
        let report = try Self.report(edits: [("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")])
        let log = try Self.object(try AuditSARIFReport.render(report))
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "onego")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.standard.rules.count)
        let levels: Set<String> = ["none", "note", "warning", "error"]
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let level = try #require(result["level"] as? String)
            #expect(levels.contains(level))
            if let index = result["ruleIndex"] as? Int {
                #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            }
            let message = try #require(result["message"] as? [String: Any])
            #expect(message["text"] is String)
            for location in result["locations"] as? [[String: Any]] ?? [] {
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                if let region = physical["region"] as? [String: Any] {
                    #expect((region["startLine"] as? Int ?? 0) >= 1)
                }
            }
        }
        // The waived finding is kept with an external suppression naming the reason.
        let waived = try #require(results.first { $0["ruleId"] as? String == "time.not-compressed" })
        let suppression = try #require((waived["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        #expect((suppression["justification"] as? String)?.contains("省厅制证") == true)
        // The expired waiver is reported at its place in the waiver file.
        let expired = try #require(results.first { $0["ruleId"] as? String == "waivers.expired" })
        let region =
            (((expired["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
                as? [String: Any])
        #expect(region?["startLine"] as? Int == 4)
    }

    @Test func htmlEscapesCatalogTextAndLoadsNothingFromOutside() throws {
        let report = try Self.report(edits: [
            ("<name>企业设立登记</name>", "<name>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 企业设立登记</name>"),
            ("<department>云溪区市场监督管理局</department>", "<department>云溪区市场&amp;监督&lt;b&gt;管理局</department>"),
            (
                "<visits count=\"0\"/>\n    <online available=\"true\" depth=\"4\" url=\"https://www.gdzwfw.gov.cn/\"/>\n    <handlingForm>网上办理</handlingForm>\n    <handlingForm>窗口办理</handlingForm>",
                "<visits count=\"0\" reason=\"核验原件\"/>\n    <online available=\"true\" depth=\"4\" url=\"https://www.gdzwfw.gov.cn/\"/>\n    <handlingForm>网上办理</handlingForm>\n    <handlingForm>窗口办理</handlingForm>"
            ),
        ])
        #expect(report.findings.contains { $0.rule == "visits.zero-with-reason" })
        let html = AuditHTMLReport.render(report)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 企业设立登记"))
        #expect(html.contains("云溪区市场&amp;监督&lt;b&gt;管理局"))
        for external in ["<link", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.contains("<svg"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func textPutsTargetsFirstAndGroupsFindingsByRule() throws {
        let report = try Self.report(edits: [("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")])
        let text = AuditTextReport.render(report)
        let targets = try #require(text.range(of: "目标（"))
        let findings = try #require(text.range(of: "[visits.reason-missing]"))
        #expect(targets.lowerBound < findings.lowerBound)
        #expect(text.contains("✗ 未达成  全程网办率：50.0%（3/6），目标 ≥ 85%，差 35.0 个百分点（还需 3 个事项）"))
        #expect(text.contains("逐项平均 58.3%　按天数加权 57.3%"))
    }
}
