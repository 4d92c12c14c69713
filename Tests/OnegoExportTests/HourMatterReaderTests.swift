import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// 企业信息变更 (YX-QYBG) is promised in office hours (2 小时): for every answer set, `compose --format json`, the
/// one-time notice (which the site's matter pages render) and the checklist state its time in hours, never as
/// working days rounded from hours.
@Suite struct HourMatterReaderTests {
    let catalog: Catalog
    let matter: Matter
    let composer: Composer

    init() throws {
        catalog = try TestCatalog.sampleCatalog()
        matter = try TestCatalog.sampleMatter("YX-QYBG")
        composer = Composer(catalog: catalog, calendar: try TestCatalog.calendar())
    }

    func fields(in document: GuideDocument, section heading: String) -> [String: String] {
        var found: [String: String] = [:]
        for block in document.sections.first(where: { $0.heading == heading })?.blocks ?? [] {
            if case .fields(let fields) = block {
                for field in fields { found[field.label] = field.value }
            }
        }
        return found
    }

    @Test func everyReaderStatesTheTimeInOfficeHours() throws {
        let moment = try #require(CalendarMoment(iso: "2026-09-29T16:30"))
        var options = try TestCatalog.accepted("2026-09-29")
        options.acceptedAt = moment
        var situations = 0
        for answers in composer.enumerateAnswerSets(for: matter) {
            let plan = try composer.compose(matter: matter, answers: answers, acceptedAt: moment)
            let label = "\(answers)"
            #expect(plan.workingDays.isHourPlan, "\(label)")

            let json = try JSONSerialization.jsonObject(with: Data(CompositionJSON.text(plan).utf8)) as? [String: Any]
            let days = try #require(json?["workingDays"] as? [String: Any])
            #expect(days["unit"] as? String == "工作日" && days["planUnit"] as? String == "小时", "\(label)")
            #expect(days["critical"] as? Double == 0.29, "\(label)")
            let hours = try #require(days["hours"] as? [String: Any])
            #expect(hours["unit"] as? String == "小时" && hours["critical"] as? Double == 2, "\(label)")
            let members = try #require(json?["members"] as? [[String: Any]])
            #expect(members.first?["promisedHours"] as? Double == 2, "\(label)")
            #expect(members.allSatisfy { $0["finishesAfterHours"] as? Double == 2 }, "\(label)")
            let stages = try #require(json?["stages"] as? [[String: Any]])
            #expect(stages.allSatisfy { $0["finishesAfterHours"] as? Double == 2 }, "\(label)")
            let reductions = try #require(json?["reductions"] as? [String: Any])
            #expect((reductions["hours"] as? [String: Any])?["after"] as? Double == 2, "\(label)")
            #expect(json?["promisedLimit"] as? String == "2小时", "\(label)")

            let notice = MatterIntake.makeNotice(plan, matter: matter, catalog: catalog, options: options)
            let limits = fields(in: notice, section: "办理时限")
            #expect(limits["一件事承诺时限"]?.hasPrefix("2小时") == true, "\(label)")
            #expect(limits["预计用时"] == "2小时（各事项逐一办理需2小时）", "\(label)")
            // 1 office hour before 17:30, 1 from 9:00 the next working day.
            #expect(limits["承诺最迟办结日期"] == "2026年9月30日10:00", "\(label)")
            #expect(limits["说明"]?.hasPrefix("时限按工作日的办公时间计算，自受理时起算") == true, "\(label)")
            let noticeText = notice.sections.flatMap(\.blocks).description
            #expect(!noticeText.contains("0.29"), "\(label)")

            let checklist = MatterIntake.makeChecklist(plan, matter: matter, catalog: catalog, options: options)
            #expect(!checklist.sections.flatMap(\.blocks).description.contains("0.29"), "\(label)")
            situations += 1
        }
        #expect(situations == 8)
    }

    @Test func supplyPeriodsOfAnHourMatterAreInOfficeHours() throws {
        // 变更后的住所使用证明 may follow within 0.25 of a working day: 1.75 office hours of a 7-hour day. Every
        // reader says hours; none says 0.25个工作日 (the statutory 3个工作日 stays in working days, as the law writes it).
        let moment = try #require(CalendarMoment(iso: "2026-09-29T09:30"))
        let plan = try composer.compose(
            matter: matter, answers: AnswerSet([("fund", "是"), ("premises", "是"), ("articles", "否")]),
            acceptedAt: moment)
        let options = try TestCatalog.accepted("2026-09-29")
        let notice = MatterIntake.makeNotice(plan, matter: matter, catalog: catalog, options: options)
        let later = notice.sections.first { $0.heading == "可容缺后补的材料" }?.blocks.description ?? ""
        #expect(later.contains("变更后的住所（经营场所）使用证明") && later.contains("受理后1.75小时内"))
        let checklist = MatterIntake.makeChecklist(plan, matter: matter, catalog: catalog, options: options)
        let change = try #require(catalog.items.first { $0.name == "企业变更登记" && $0.promisedLimit?.unit == .hours })
        let readers = [
            ("notice", notice.sections.flatMap(\.blocks).description),
            ("checklist", checklist.sections.flatMap(\.blocks).description),
            ("item guide", ItemGuide.make(change, options: options).sections.flatMap(\.blocks).description),
            ("item notice", ItemIntake.makeNotice(change, options: options).sections.flatMap(\.blocks).description),
            ("show", ItemText.render(change)), ("compose", CompositionText.render(plan, matter: matter)),
        ]
        for (reader, text) in readers {
            #expect(!text.contains("0.25"), "\(reader)")
        }
        for (reader, text) in readers.dropLast() {
            #expect(text.contains("1.75小时"), "\(reader)")
        }
    }

    @Test func anHourItemsNoticeSaysItCountsOfficeHours() throws {
        let item = try #require(catalog.items.first { $0.promisedLimit?.unit == .hours })
        let notice = ItemIntake.makeNotice(item, options: try TestCatalog.plain())
        #expect(fields(in: notice, section: "办理时限")["说明"]?.hasPrefix("时限按工作日的办公时间计算") == true)
        let day = try #require(catalog.items.first { $0.promisedLimit?.unit == .workingDays && !$0.isImmediate })
        let dayNotice = ItemIntake.makeNotice(day, options: try TestCatalog.plain())
        #expect(fields(in: dayNotice, section: "办理时限")["说明"]?.hasPrefix("时限自受理次日起按工作日计算") == true)
    }
}
