import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import OnegoXML
import Testing

/// Bidirectional-formatting and zero-width characters in names and codes are an error finding, reported with the
/// character named and shown in place (issue 11: on a printed guide they hide the real text).
@Suite struct HiddenCharacterRuleTests {
    @Test(arguments: [
        ("<name>企业设立登记</name>", "<name>企业\u{202E}设立登记</name>", "U+202E", "名称", 3),
        ("<name>企业设立登记</name>", "<name>企业设立\u{200B}登记</name>", "U+200B", "名称", 3),
        ("<name>企业设立登记</name>", "<name>企业\u{2066}设立登记\u{2069}</name>", "U+2066", "名称", 3),
        ("<name>企业设立登记</name>", "<name>企业\u{FEFF}设立登记</name>", "U+FEFF", "名称", 3),
        ("<name>企业设立登记</name>", "<name>企业\u{2060}设立登记</name>", "U+2060", "名称", 3),
        (
            "<material name=\"公司章程\"", "<material name=\"公司\u{200D}章程\"", "U+200D", "申请材料名称", 23
        ),
        (
            "<department>云溪区市场监督管理局</department>", "<department>云溪区\u{202A}市场监督管理局</department>", "U+202A",
            "部门名称", 3
        ),
    ])
    func hiddenCharactersAreAnErrorAtTheirElement(
        _ old: String, _ new: String, _ codePoint: String, _ field: String, _ line: Int
    ) throws {
        let path = try Fixtures.variant(of: "minimal.xml", [(old, new)])
        let findings = try AuditFixture.findings(path).filter { $0.rule == "text.hidden-characters" }
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .error)
        #expect(finding.message.contains(codePoint))
        #expect(finding.message.contains("的\(field)"))
        #expect(finding.message.contains("⟨\(codePoint)⟩"))
        #expect(!finding.message.unicodeScalars.contains { CharacterNames.isHiddenFormatting($0) })
        #expect(finding.location?.line == line)
    }

    @Test func ordinaryChineseTextAndFullWidthPunctuationAreClean() throws {
        let path = try Fixtures.variant(of: "minimal.xml", [("<name>企业设立登记</name>", "<name>企业设立登记（新办）—“分公司”</name>")])
        #expect(try AuditFixture.findings(path).allSatisfy { $0.rule != "text.hidden-characters" })
    }

    @Test func theRuleIsRegisteredWithAChineseTitle() throws {
        let rule = try #require(RuleRegistry.standard.rule(id: "text.hidden-characters"))
        #expect(rule.family == .text)
        #expect(rule.title.contains("隐藏字符"))
    }
}
