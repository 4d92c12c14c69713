import Foundation
import OnegoCatalog
import OnegoExport
import OnegoTestSupport
import Testing

@Suite struct ItemGuideTests {
    @Test func guideMatchesGoldenFilesInBothFormats() throws {
        let document = ItemGuide.make(try TestCatalog.minimalItem(), options: try TestCatalog.plain())
        try Golden.check(HTMLGuideRenderer.page([document]), "item-guide.html")
        try Golden.check(MarkdownGuideRenderer.text([document]), "item-guide.md")
    }

    @Test func guideHoldsEveryElementInStandardOrder() throws {
        let document = ItemGuide.make(try TestCatalog.minimalItem(), options: try TestCatalog.plain())
        #expect(
            document.sections.map(\.heading) == [
                "基本信息", "设定依据", "实施主体", "受理条件", "申请材料", "办理流程", "办理方式", "办理时限", "收费标准",
                "办理结果及送达", "咨询与投诉", "办理地点和时间",
            ])
        let markdown = MarkdownGuideRenderer.text([document])
        for expected in [
            "【秒报】 【容缺受理】 【免证办】 【全程网办】 【零跑动】 【跨省通办】",
            "《中华人民共和国市场主体登记管理条例》第三条：市场主体应当依照本条例办理登记",
            "**承诺办结时限**：0.5个工作日（材料齐全、符合法定形式的，半个工作日内办结）",
            "**法定办结时限**：3个工作日", "**咨询电话**：020-82731234", "**投诉电话**：020-12345",
        ] {
            #expect(markdown.contains(expected), "missing: \(expected)")
        }
    }

    @Test func elementsMissingFromTheCatalogAreLeftOut() throws {
        var item = try TestCatalog.minimalItem()
        item.conditions = nil
        item.legalBasis = []
        item.steps = []
        item.results = []
        let headings = ItemGuide.make(item, options: try TestCatalog.plain()).sections.map(\.heading)
        #expect(!headings.contains("受理条件"))
        #expect(!headings.contains("设定依据"))
        #expect(!headings.contains("办理流程"))
        #expect(!headings.contains("办理结果及送达"))
    }

    @Test func specialProceduresAndChargedFeesAreShown() throws {
        var item = try TestCatalog.minimalItem()
        item.specialProcedures = [
            SpecialProcedure(kind: .expertReview, limit: TimeLimit(10, .workingDays), note: "需要时")
        ]
        item.fee = Fee(isCharged: true, items: [FeeItem(name: "工本费", standard: "每本10元", basis: "粤价〔2020〕1号")])
        let markdown = MarkdownGuideRenderer.text([ItemGuide.make(item, options: try TestCatalog.plain())])
        #expect(markdown.contains("**特别程序**：专家评审，10个工作日（不计入办结时限；需要时）"))
        #expect(markdown.contains("| 工本费 | 每本10元 | 粤价〔2020〕1号 |"))
        #expect(markdown.contains("**是否收费**：收费"))
    }

    @Test func immediateItemSaysSo() throws {
        var item = try TestCatalog.minimalItem()
        item.handling = .immediate
        item.promisedLimit = TimeLimit(0, .workingDays)
        let document = ItemGuide.make(item, options: try TestCatalog.plain())
        let markdown = MarkdownGuideRenderer.text([document])
        #expect(markdown.contains("即办（材料齐全、符合法定形式的当场办结）"))
        #expect(markdown.contains("【即办】"))
    }
}

@Suite struct ItemIntakeTests {
    @Test func noticeWithAcceptanceDateMatchesGoldenFiles() throws {
        let document = ItemIntake.makeNotice(try TestCatalog.minimalItem(), options: try TestCatalog.accepted())
        try Golden.check(HTMLGuideRenderer.page([document]), "item-notice.html")
        try Golden.check(MarkdownGuideRenderer.text([document]), "item-notice.md")
    }

    @Test func checklistMatchesGoldenFiles() throws {
        let document = ItemIntake.makeChecklist(try TestCatalog.minimalItem(), options: try TestCatalog.plain())
        try Golden.check(HTMLGuideRenderer.page([document]), "item-checklist.html")
        try Golden.check(MarkdownGuideRenderer.text([document]), "item-checklist.md")
    }

    @Test func noticeCountsDueDatesOnTheWorkingDayCalendar() throws {
        // Accepted 2026-09-30 (Wednesday): 10-01…10-07 are holidays, so 0.5 working days ends on 10-08 and the
        // 容缺 supplement (5 working days) on 10-13 (10-10 is a make-up Saturday: 10-08, 10-09, 10-10, 10-12, 10-13).
        let markdown = MarkdownGuideRenderer.text([
            ItemIntake.makeNotice(try TestCatalog.minimalItem(), options: try TestCatalog.accepted())
        ])
        #expect(markdown.contains("**受理日期**：2026年9月30日"))
        #expect(markdown.contains("**预计办结日期**：2026年10月8日"))
        #expect(markdown.contains("| 法定代表人、董事、监事和经理的任职文件 | 受理后5个工作日内 | 2026年10月13日 |"))
    }

    @Test func unpublishedYearIsReportedNotGuessed() throws {
        let markdown = MarkdownGuideRenderer.text([
            ItemIntake.makeNotice(try TestCatalog.minimalItem(), options: try TestCatalog.accepted("2027-03-01"))
        ])
        #expect(markdown.contains("**预计办结日期**：无法推算（2027 年的节假日安排尚未公布"))
    }

    @Test func noticeSeparatesWhatToBringFromWhatIsFetched() throws {
        let document = ItemIntake.makeNotice(try TestCatalog.minimalItem(), options: try TestCatalog.plain())
        let bring = try #require(document.sections.first { $0.heading == "需提交的材料" })
        guard case .table(let table) = try #require(bring.blocks.last) else {
            Issue.record("no material table")
            return
        }
        #expect(table.rows.map { $0[1] } == ["公司登记（备案）申请书", "公司章程", "法定代表人、董事、监事和经理的任职文件", "住所使用证明"])
        let exempt = try #require(document.sections.first { $0.heading == "无需提交的材料" })
        #expect(exempt.blocks == [.list(["股东主体资格证明：免证办，窗口通过电子证照“居民身份证”调取，无需提交"])])
        #expect(
            document.sections.last?.blocks.contains(.signatures(["窗口（盖章）", "经办人", "日期：　　　　年　　月　　日", "申请人签收"])) == true)
    }

    @Test func withoutCertificateFreeTheELicenceMaterialIsStillBrought() throws {
        var item = try TestCatalog.minimalItem()
        item.modes.isCertificateFree = false
        let document = ItemIntake.makeChecklist(item, options: try TestCatalog.plain())
        #expect(!document.sections.contains { $0.heading == "免收材料" })
        let markdown = MarkdownGuideRenderer.text([document])
        #expect(markdown.contains("| 股东主体资格证明 | — | 1 | 1 | — | ☐ |"))
    }

    @Test func checklistHasTheWindowColumns() throws {
        let document = ItemIntake.makeChecklist(try TestCatalog.minimalItem(), options: try TestCatalog.plain())
        guard case .table(let table) = try #require(document.sections.first?.blocks.first) else {
            Issue.record("no checklist table")
            return
        }
        #expect(table.columns == ["序号", "材料", "原件", "复印件", "份数", "容缺", "已收"])
        #expect(table.rows.allSatisfy { $0.last == "☐" })
        #expect(table.rows[2][5] == "可容缺，5个工作日内补齐")
    }
}
