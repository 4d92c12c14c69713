import Foundation
import OnegoTestSupport
import Testing

@Suite struct FindCommandTests {
    @Test func findsCompanySetUpByInitials() throws {
        let run = try Fixtures.runOnego(["find", "qykb", "Catalogs/yunxi"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("1. [一件事] YX-QYKB  企业开办  云溪区市场监督管理局  （匹配：拼音首字母）\n"))
    }

    @Test func printsHitsAsAJSONArray() throws {
        let run = try Fixtures.runOnego(["find", "营业执照", "Catalogs/yunxi", "--format", "json", "--limit", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let hits = try #require(document["hits"] as? [[String: Any]])
        #expect(hits.count == 5)
        for hit in hits {
            #expect(Set(hit.keys) == ["kind", "code", "name", "department", "score", "matched"])
            #expect(["item", "matter"].contains(hit["kind"] as? String))
        }
        #expect(hits.contains { $0["code"] as? String == "YX-QYKB" })
    }

    @Test func filtersByDepartment() throws {
        let run = try Fixtures.runOnego([
            "find", "登记", "--catalog", "Catalogs/yunxi/items", "--department", "云溪区民政局", "--department",
            "云溪区税务局", "--limit", "100",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.contains("云溪区民政局") || $0.contains("云溪区税务局") })
    }

    @Test func nothingFoundExitsOne() throws {
        let run = try Fixtures.runOnego(["find", "zzzzqqqq", "Catalogs/yunxi"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("没有找到与“zzzzqqqq”相关的事项或一件事"))
    }

    @Test func showTakesAnUnambiguousName() throws {
        let run = try Fixtures.runOnego(["show", "企业设立登记", "--catalog", "Catalogs/yunxi"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("企业设立登记\n"))
        #expect(run.stderr.isEmpty)
    }

    @Test func showListsCandidatesOfAnAmbiguousName() throws {
        let run = try Fixtures.runOnego(["show", "食品经营许可", "--catalog", "Catalogs/yunxi"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("“食品经营许可”对应多个结果，请改用编码或更完整的名称"))
        #expect(run.stderr.contains("11440188MB2C90231K4010100300100001  食品经营许可（新办）"))
        #expect(run.stderr.contains("11440188MB2C90231K4010100300100004  食品经营许可（注销）"))
    }

    @Test func showStillRefusesAnUnknownName() throws {
        let run = try Fixtures.runOnego(["show", "zzzzqqqq", "--catalog", "Catalogs/yunxi"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("目录中没有编码为 zzzzqqqq 的事项，也没有名称与之相符的事项"))
    }

    @Test func guideTakesAnItemName() throws {
        let run = try Fixtures.runOnego([
            "guide", "企业设立登记", "--catalog", "Catalogs/yunxi", "--format", "md", "--date", "2026-11-20",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("企业设立登记"))
    }

    @Test func guideTakesAMatterByPinyinInitials() throws {
        let run = try Fixtures.runOnego([
            "guide", "qiyekb", "--catalog", "Catalogs/yunxi", "--format", "md", "--date", "2026-11-20", "--answer",
            "invoice=否", "--answer", "staff=否", "--answer", "bank=否", "--answer", "agent=否",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("按名称“qiyekb”找到 YX-QYKB 企业开办"))
        #expect(run.stdout.hasPrefix("# 一次性告知单：企业开办"))
    }

    @Test func guideListsCandidatesOfAnAmbiguousName() throws {
        let run = try Fixtures.runOnego(["guide", "食品经营许可", "--catalog", "Catalogs/yunxi"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("11440188MB2C90231K4010100300100002  食品经营许可（变更）"))
    }
}
