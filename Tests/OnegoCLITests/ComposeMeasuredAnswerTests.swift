import Foundation
import OnegoTestSupport
import Testing

/// `compose` with a number answer on the shipped 开办餐饮店: compared exactly, printed as a JSON number, and a
/// malformed value is a clear error naming the question.
@Suite struct ComposeMeasuredAnswerTests {
    static let answers = ["--answer", "licence=individual", "--answer", "sign=否", "--answer", "tobacco=否"]

    @Test func floorAreaIsANumberInTheJSON() throws {
        let run = try Fixtures.runOnego(
            ["compose", "YX-KBCYD", "--catalog", "Catalogs/yunxi", "--format", "json", "--answer", "area=320"]
                + Self.answers)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let answers = try #require(object["answers"] as? [String: Any])
        #expect(answers["area"] as? Int == 320)
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.compactMap { $0["id"] as? String } == ["individual", "food", "fireByPromise"])
    }

    @Test func malformedAreaIsAClearError() throws {
        let run = try Fixtures.runOnego(
            ["compose", "YX-KBCYD", "--catalog", "Catalogs/yunxi", "--answer", "area=三百"] + Self.answers)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.contains(
                "kbcyd.xml:32:5: 情形问题 area（经营场所建筑面积（平方米）？）的回答“三百”无效：应为不小于 0 的十进制数"))
    }
}
