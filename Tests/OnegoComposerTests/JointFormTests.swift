import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// 一表申请, 告知承诺 and the intake arrangement written in a matter file, over the sample catalog.
@Suite struct JointFormTests {
    let catalog: Catalog

    init() throws {
        catalog = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
            .load(paths: [Fixtures.sampleItems]).catalog
    }

    /// 企业设立登记 + 公章刻制备案, with whatever `tail` adds after the members.
    func matter(_ tail: String) throws -> (Matter?, [Diagnostic]) {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <matter xmlns="urn:onego:matter:1" schemaVersion="1.0" code="T-JF" audience="法人" version="1">
              <name>企业开办（节选）</name>
              <leadDepartment>云溪区市场监督管理局</leadDepartment>
              <promisedLimit value="1" unit="工作日"/>
              <members>
                <member id="licence" code="11440188MB2C90231K4010100100100001" selection="always"/>
                <member id="seal" code="11440188007483316R4110200100100001" selection="always"/>
              </members>
            \(tail)
            </matter>
            """
        return try MatterLoader.validating(schemaPath: Fixtures.path("Schemas/matter.xsd"))
            .load(bytes: Array(xml.utf8), name: "jf.xml")
    }

    @Test func beforeCountsEachMembersFormAfterCountsTheJointFormOnce() throws {
        let (plain, _) = try matter("")
        let (joint, diagnostics) = try matter(
            """
              <jointForm name="企业开办申请表">
                <replaces member="licence" name="公司章程"/>
              </jointForm>
              <intake mode="jointWindow" delivery="window"/>
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let composer = Composer(catalog: catalog)
        let without = try composer.compose(matter: try #require(plain), answers: AnswerSet())
        let with = try composer.compose(matter: try #require(joint), answers: AnswerSet())
        // Both members' forms (type 2) and the named 公司章程 give way to one joint form.
        #expect(with.reductions.materials.before == without.reductions.materials.before)
        let replaced = with.materials.filter { $0.disposition == .replaced }.map(\.name)
        #expect(replaced == ["公司登记（备案）申请书", "公司章程", "委托书", "印章刻制备案信息表"])
        #expect(with.applicantMaterials.first?.name == "企业开办申请表")
        #expect(with.reductions.materials.after == without.reductions.materials.after - 4 + 1)
        // Neither member needs the applicant on site, so the joint window is not visited: apply online; the
        // results are collected at the window as declared, which is one trip.
        #expect(with.visits.before == 0 && with.visits.after == 1)
        #expect(with.steps.after == [.applyOnline, .supplement, .collectAll(onTheSpot: false)])
    }

    @Test func aWrittenPromiseReplacesTheMaterialItNames() throws {
        let (matter, diagnostics) = try self.matter(
            """
              <promises>
                <promise member="licence" name="住所（经营场所）使用证明"/>
              </promises>
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let plan = try Composer(catalog: catalog).compose(matter: try #require(matter), answers: AnswerSet())
        let line = try #require(plan.materials.first { $0.aliases.contains("住所（经营场所）使用证明") })
        #expect(line.disposition == .replaced && line.replacedBy == "告知承诺书")
    }

    @Test func aJointFormReplacingAMaterialNoMemberHasIsAnErrorAtItsLine() throws {
        let (matter, _) = try self.matter(
            """
              <jointForm name="企业开办申请表">
                <replaces member="seal" name="公司章程"/>
              </jointForm>
            """)
        let findings = MatterChecks.run(matters: [try #require(matter)], catalog: catalog)
        let finding = try #require(findings.first { $0.rule == "matter.joint-form.unknown-material" })
        #expect(finding.description.hasPrefix("jf.xml:11:5: 错误: 一表申请《企业开办申请表》要代替的材料“公司章程”不在成员事项 seal"))
    }

    @Test func aHolderNotOnTheListIsASchemaErrorAtItsLine() throws {
        let (_, diagnostics) = try matter(
            """
              <questions>
                <question id="agent" kind="yesNo">
                  <text>是否委托代理人？</text>
                  <answer value="是"><addMaterial member="licence" name="代理人身份证" holder="邻居"/></answer>
                  <answer value="否"/>
                </question>
              </questions>
            """)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 13, "\(error)")
        #expect(error.description.contains("邻居"))
        // An extension holder is accepted.
        let (_, extended) = try matter(
            """
              <questions>
                <question id="agent" kind="yesNo">
                  <text>是否委托代理人？</text>
                  <answer value="是"><addMaterial member="licence" name="房产证" holder="其他：房屋产权人"/></answer>
                  <answer value="否"/>
                </question>
              </questions>
            """)
        #expect(extended.isEmpty, "\(extended)")
    }

    @Test func aCatalogHolderNotOnTheListIsAnErrorAtItsLineAndColumn() throws {
        let minimal = try String(contentsOfFile: Fixtures.fixture("minimal.xml"), encoding: .utf8)
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let bad = minimal.replacingOccurrences(
            of: "copies=\"1\" key=\"true\"/>", with: "copies=\"1\" key=\"true\" holder=\"朋友\"/>")
        let result = loader.load(bytes: Array(bad.utf8), name: "bad-holder.xml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 24 && error.location?.column == 7, "\(error)")
        #expect(error.description.contains("holder") && error.description.contains("朋友"))
        let good = minimal.replacingOccurrences(
            of: "copies=\"1\" key=\"true\"/>", with: "copies=\"1\" key=\"true\" holder=\"股东\"/>")
        let loaded = loader.load(bytes: Array(good.utf8), name: "holder.xml")
        #expect(!loaded.diagnostics.containsErrors)
        #expect(loaded.catalog.items.first?.materials.first { $0.name == "股东主体资格证明" }?.holder == "股东")
        #expect(MaterialHolder.isValid("股东") && MaterialHolder.isValid("其他：房屋产权人") && !MaterialHolder.isValid("朋友"))
    }
}
