import Foundation
import OnegoTestSupport
import Testing

/// Bad input in a bundle (#14), each run through `onego validate` on a copy of the sample district whose 开办餐饮店
/// matter (kbcyd.xml) has one fault: an error at the fault's line and column, with its rule, and exit status 1. (An
/// acceptance time of 25:00 is covered on the command line by `ComposeCommandTests` and in office-hours.txt by
/// `ReviewRegressionTests`.)
@Suite struct BundleBadInputTests {
    /// Validates a copy of Catalogs/yunxi with `old` replaced by `new` in matters/kbcyd.xml.
    func validate(replacing old: String, with new: String) throws -> (status: Int32, stderr: String) {
        let directory = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs/yunxi"), toPath: directory + "/yunxi")
        let matter = directory + "/yunxi/matters/kbcyd.xml"
        let text = try String(contentsOfFile: matter, encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: matter, atomically: true, encoding: .utf8)
        let run = try Fixtures.runOnego(["validate", directory + "/yunxi"])
        try? FileManager.default.removeItem(atPath: directory)
        return (run.status, run.stderr)
    }

    @Test func aHolderNotOnTheListNamesTheValueAndHowToExtendTheList() throws {
        let run = try validate(
            replacing: "<answer value=\"是\"><includeMember member=\"sign\"/></answer>",
            with: "<answer value=\"是\"><includeMember member=\"sign\"/>"
                + "<addMaterial member=\"sign\" name=\"招牌设计效果图\" holder=\"设计师\"/></answer>")
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "kbcyd.xml:43:55: 错误: 持有人 holder=\"设计师\" 不在持有人列表中（申请人本人、法定代表人"),
            "\(run.stderr)")
        #expect(run.stderr.contains("列表外的持有人请写作 holder=\"其他：设计师\""))
        #expect(run.stderr.contains("[xml.schema]"))
    }

    @Test func aJointFormReplacingAMaterialTheMemberDoesNotHave() throws {
        let run = try validate(
            replacing: "<replaces member=\"sign\" name=\"户外招牌设置申请表\"/>",
            with: "<replaces member=\"sign\" name=\"营业执照副本\"/>")
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "kbcyd.xml:95:5: 错误: 一表申请《开办餐饮店“一件事”申请表》要代替的材料“营业执照副本”不在成员事项 sign（户外招牌设置）的申请材料中"),
            "\(run.stderr)")
        #expect(run.stderr.contains("[matter.joint-form.unknown-material]"))
    }

    @Test func aThresholdInAnotherUnitThanItsQuestion() throws {
        let run = try validate(
            replacing: "<threshold atLeast=\"500\" unit=\"平方米\">", with: "<threshold atLeast=\"500\" unit=\"亩\">")
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("kbcyd.xml:36:7: 错误: 情形问题 area 以“平方米”计，阈值 ≥ 500 亩 的单位不一致 [matter.threshold.unit]"),
            "\(run.stderr)")
        #expect(run.stderr.contains("kbcyd.xml:32:5: 提示: 首次定义于此"))
    }

    @Test func overlappingThresholdsOnOneRange() throws {
        // The same range twice; nested ranges (≥ 300 and ≥ 500, whose effects add up) are how thresholds are
        // meant to be written and stay valid unless their effects contradict (`MatterChecksTests`).
        let run = try validate(
            replacing: "<threshold atLeast=\"500\" unit=\"平方米\">",
            with: "<threshold atLeast=\"300\" below=\"500\" unit=\"平方米\">")
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "kbcyd.xml:36:7: 错误: 情形问题 area 的阈值 ≥ 300 且 < 500 平方米 重复，两处规则作用于同一区间，请合并 [matter.threshold.overlap]"),
            "\(run.stderr)")
        #expect(run.stderr.contains("kbcyd.xml:35:7: 提示: 首次定义于此"))
    }
}
